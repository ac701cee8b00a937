import { Type } from 'typebox';
import { AppError, badRequest } from '../../lib/errors.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewer } from '../accounts/viewer.js';
import type { Db } from '../../db/database.js';
import { checkImageUploadBudget, type ImageUploadLimits } from './image-upload-budget.js';
import type { ImageService } from './image-service.js';
import { ImageViewSchema, presentImage } from './image-view.js';
import type { MediaStorage } from './media-storage.js';

export async function mediaRoutes(
  app: ApiApp,
  deps: { db: Db; images: ImageService; storage: MediaStorage; clock: () => Date; maxImageBytes: number; uploadLimits: ImageUploadLimits },
) {
  app.post(
    '/media/images',
    {
      schema: {
        tags: ['media'],
        summary: 'Upload one image (multipart field `file`, optional field `alt` before it)',
        description:
          'JPEG, PNG, WebP, AVIF or HEIC up to 20 MB; a person may upload IMAGE_UPLOADS_PER_HOUR images an hour and IMAGE_UPLOADS_PER_DAY a day (429 image_upload_limit with Retry-After). Stored as WebP variants about 360, 720 and 1440 px wide, metadata stripped.',
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ image: ImageViewSchema }) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send the image as multipart/form-data.');
      await checkImageUploadBudget(deps.db, viewer.user.id, deps.uploadLimits, deps.clock());
      const file = await request.file({ limits: { fileSize: deps.maxImageBytes, files: 1 } });
      if (!file) throw badRequest('file_missing', 'Attach the image in the `file` field.');
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(413, 'image_too_large', 'Images can be up to 20 MB.');
        }
        throw error;
      }
      const altField = file.fields.alt;
      const alt = altField && !Array.isArray(altField) && altField.type === 'field' ? String(altField.value) : '';
      const image = await deps.images.upload(viewer.user.id, data, alt, deps.clock());
      return reply.status(201).send({ image: presentImage(image, deps.storage) });
    },
  );
}
