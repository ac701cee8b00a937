// An image classifier says which moderation labels an image likely deserves.
// Off by default (no model ships with the app); `google-vision` is a real HTTP
// adapter (Cloud Vision's SafeSearch), and any other service can be added
// behind this interface.

export interface ImageVerdict {
  /** Labels of the vocabulary the image likely deserves, e.g. nudity, graphic-violence. */
  labels: string[];
  /** The classifier's own scores, kept in the reason for the moderator. */
  detail: string;
}

export interface ImageClassifier {
  readonly name: string;
  classify(image: Buffer, contentType: string): Promise<ImageVerdict>;
}

export class ClassifierError extends Error {}
