import type { Language } from './languages.js';

/** The code comes first so phones can offer it for autofill. */
export function verificationSmsText(code: string, language: Language, ttlMinutes: number): string {
  switch (language) {
    case 'zh-CN':
      return `${code} 是你的桥 Qiao 验证码，${ttlMinutes} 分钟内有效。请勿告诉他人。`;
    case 'zh-TW':
      return `${code} 是你的橋 Qiao 驗證碼，${ttlMinutes} 分鐘內有效。請勿告訴他人。`;
    case 'ja':
      return `${code} はQiaoの認証コードです。有効期限は${ttlMinutes}分です。他の人には絶対に教えないでください。`;
    case 'ko':
      return `${code}: Qiao 인증번호입니다. ${ttlMinutes}분 동안 유효하며, 다른 사람에게 절대 알려 주지 마세요.`;
    case 'es':
      return `${code} es tu código de Qiao. Caduca en ${ttlMinutes} minutos. No lo compartas con nadie.`;
    case 'en':
      return `${code} is your Qiao code. It expires in ${ttlMinutes} minutes. Never share it.`;
  }
}
