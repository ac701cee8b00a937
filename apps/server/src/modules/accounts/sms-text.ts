import type { Language } from './languages.js';

/** The code comes first so phones can offer it for autofill. */
export function verificationSmsText(code: string, language: Language, ttlMinutes: number): string {
  if (language === 'zh-CN') return `${code} 是你的桥 Qiao 验证码，${ttlMinutes} 分钟内有效。请勿告诉他人。`;
  return `${code} is your Qiao code. It expires in ${ttlMinutes} minutes. Never share it.`;
}
