import { buildLlmPrompt, checkLlmAnswer, LlmAnswerRejected } from './llm-prompt.js';
import { postJson, ProviderError, type ProviderRequest, type ProviderResult, type TranslationProvider } from './translation-provider.js';

// Any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM,
// llama.cpp's server…): POST {base}/chat/completions with
// { model, messages, temperature: 0 } answers { choices: [{ message: { content } }] }.

export class OpenAiProvider implements TranslationProvider {
  readonly name = 'openai' as const;
  // Small batches keep each answer short enough to check line by line (and quick on a local model).
  readonly maxRequestChars = 3000;
  readonly maxSegments = 40;

  constructor(private readonly options: { baseUrl: string; apiKey: string; model: string }) {}

  async translate(request: ProviderRequest): Promise<ProviderResult> {
    const prompt = buildLlmPrompt(request.segments, request.source, request.target);
    const answer = (await postJson(
      `${this.options.baseUrl}/chat/completions`,
      { model: this.options.model, messages: prompt.messages, temperature: 0 },
      { headers: this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}, signal: request.signal },
    )) as { choices?: Array<{ message?: { content?: unknown } }> };
    const content = Array.isArray(answer?.choices) ? answer.choices[0]?.message?.content : undefined;
    if (typeof content !== 'string') throw new ProviderError('unexpected answer shape (no choices[0].message.content)');
    try {
      return { texts: checkLlmAnswer(content, prompt, request.segments), detectedSource: null };
    } catch (error) {
      if (error instanceof LlmAnswerRejected) throw new ProviderError(`answer rejected: ${error.message}`, { cause: error });
      throw error;
    }
  }
}
