import type { Config } from '../../../config/config.js';
import { GoogleVisionClassifier } from './google-vision-classifier.js';
import type { ImageClassifier } from './image-classifier.js';

export function createImageClassifier(settings: Config['moderation']['imageClassifier']): ImageClassifier | null {
  if (!settings) return null;
  return new GoogleVisionClassifier(settings);
}
