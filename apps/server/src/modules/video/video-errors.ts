/**
 * A video we will not transcode however often we try (not a video, too long…).
 * The job marks the video failed at once instead of retrying.
 */
export class VideoRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'VideoRejected';
  }
}
