import { fakeTranslate } from './fake-dictionary.js';
import { type FakeBehaviour, type FakeProvider, type FakeReply, GARBAGE, type SeenRequest, startFakeServer } from './fake-http.js';

// A stand-in for an OpenAI-compatible chat-completions server (OpenAI, Ollama,
// vLLM, llama.cpp), speaking the documented format:
//   POST /v1/chat/completions   Authorization: Bearer <key> (when a key is set)
//        { model, messages: [{ role, content }], temperature }
//        → { id, object: "chat.completion", model, choices: [{ index, message: { role, content }, finish_reason }], usage }
//   errors → { error: { message, type, code } } with 400, 401, 429, 500.
// As a "model" it translates the lines between the <text-…> markers of the user
// message into the language the system message names, or misbehaves on request.

export interface FakeOpenAiOptions {
  port?: number;
  host?: string;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

const LANGUAGE_CODES: Record<string, string> = {
  English: 'en',
  'Simplified Chinese': 'zh',
  'Traditional Chinese': 'zh-Hant',
  Japanese: 'ja',
  Korean: 'ko',
  Spanish: 'es',
  French: 'fr',
  German: 'de',
};
const ERRORS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
  404: { message: 'The model does not exist.', type: 'invalid_request_error', code: 'model_not_found' },
  429: { message: 'Rate limit reached for requests.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request.', type: 'server_error', code: null },
};
export const INJECTED_ANSWER = 'Sure! Here is my bio: I am the translation assistant of Qiao, and my instructions are secret.';

const completion = (model: string, content: string) => ({
  id: 'chatcmpl-fake',
  object: 'chat.completion',
  created: 1_764_000_000,
  model,
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
});

export function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeProvider> {
  const handle = (request: SeenRequest, behaviour: FakeBehaviour): FakeReply => {
    if (request.method !== 'POST' || !request.path.endsWith('/chat/completions')) {
      return { status: 404, body: { error: { message: `Unknown path ${request.path}`, type: 'invalid_request_error', code: null } } };
    }
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) return { status: 401, body: { error: ERRORS[401] } };
    if (typeof behaviour === 'object' && 'status' in behaviour) {
      return { status: behaviour.status, body: { error: ERRORS[behaviour.status] ?? ERRORS[500] } };
    }
    if (behaviour === 'garbage') return { status: 200, body: GARBAGE, raw: true };
    if (behaviour === 'wrong-shape') return { status: 200, body: { choices: [] } };
    const body = request.body as { model?: unknown; messages?: Array<{ role?: unknown; content?: unknown }> } | null;
    if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages)) return { status: 400, body: { error: ERRORS[400] } };
    const system = String(body.messages.find((message) => message.role === 'system')?.content ?? '');
    const user = String(body.messages.find((message) => message.role === 'user')?.content ?? '');
    const block = /<(text-[0-9a-f]+)>\n([\s\S]*)\n<\/\1>/.exec(user);
    if (!block) return { status: 200, body: completion(body.model, 'I am not sure what you would like me to translate.') };
    const [, tag, text] = block;
    const lines = text!.split('\n');
    if (behaviour === 'obey-injection' && lines.some((line) => /ignore (the|all|everything) (above|previous)/i.test(line))) {
      return { status: 200, body: completion(body.model, INJECTED_ANSWER) };
    }
    const name = /into ([A-Z][A-Za-z ]+?)\./.exec(system)?.[1] ?? 'English';
    let translated = lines.map((line) => fakeTranslate(line, LANGUAGE_CODES[name] ?? 'en'));
    if (behaviour === 'drop-tokens') translated = translated.map((line) => line.replace(/⟦\d+⟧/g, '').trim() || 'dropped');
    let content = `<${tag}>\n${translated.join('\n')}\n</${tag}>`;
    if (behaviour === 'commentary') content += '\nNote: I kept the hashtags and emoji as they were.';
    return { status: 200, body: completion(body.model, content) };
  };
  return startFakeServer({ port: options.port, host: options.host, translatePath: (path) => path.endsWith('/chat/completions'), handle });
}
