import { ClassifierError, type ImageClassifier, type ImageVerdict } from './image-classifier.js';

// Google Cloud Vision SafeSearch: POST {base}/v1/images:annotate?key=… with the
// image as base64 and the SAFE_SEARCH_DETECTION feature; the answer rates
// adult, racy, violence, medical and spoof from VERY_UNLIKELY to VERY_LIKELY.
// Only LIKELY and VERY_LIKELY become labels; a person decides the rest.

const LIKELIHOOD = ['UNKNOWN', 'VERY_UNLIKELY', 'UNLIKELY', 'POSSIBLE', 'LIKELY', 'VERY_LIKELY'] as const;
type Likelihood = (typeof LIKELIHOOD)[number];
const atLeast = (value: Likelihood | undefined, floor: Likelihood) => LIKELIHOOD.indexOf(value ?? 'UNKNOWN') >= LIKELIHOOD.indexOf(floor);

interface SafeSearch {
  adult?: Likelihood;
  racy?: Likelihood;
  violence?: Likelihood;
  medical?: Likelihood;
  spoof?: Likelihood;
}

export class GoogleVisionClassifier implements ImageClassifier {
  readonly name = 'google-vision';

  constructor(private readonly options: { apiKey: string; baseUrl: string; timeoutMs: number }) {}

  async classify(image: Buffer): Promise<ImageVerdict> {
    const response = await fetch(`${this.options.baseUrl}/v1/images:annotate?key=${encodeURIComponent(this.options.apiKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ image: { content: image.toString('base64') }, features: [{ type: 'SAFE_SEARCH_DETECTION' }] }] }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    }).catch((error: unknown) => {
      throw new ClassifierError(`Cloud Vision unreachable: ${(error as Error).message}`);
    });
    if (!response.ok) throw new ClassifierError(`Cloud Vision answered HTTP ${response.status}`);
    const body = (await response.json()) as { responses?: Array<{ safeSearchAnnotation?: SafeSearch; error?: { message?: string } }> };
    const first = body.responses?.[0];
    if (!first || first.error || !first.safeSearchAnnotation)
      throw new ClassifierError(`Cloud Vision could not rate the image: ${first?.error?.message ?? 'no annotation'}`);
    const rating = first.safeSearchAnnotation;
    const labels: string[] = [];
    if (atLeast(rating.adult, 'VERY_LIKELY')) labels.push('sexual');
    if (atLeast(rating.adult, 'LIKELY') || atLeast(rating.racy, 'VERY_LIKELY')) labels.push('nudity');
    if (atLeast(rating.violence, 'LIKELY')) labels.push('graphic-violence');
    const detail = `SafeSearch adult ${rating.adult ?? 'UNKNOWN'}, racy ${rating.racy ?? 'UNKNOWN'}, violence ${rating.violence ?? 'UNKNOWN'}`;
    return { labels, detail };
  }
}
