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

/** A code that deletes the account says so: someone talked into reading it out should stop. */
export function deletionSmsText(code: string, language: Language, ttlMinutes: number): string {
  switch (language) {
    case 'zh-CN':
      return `${code} 是注销你的桥 Qiao 账号的验证码，${ttlMinutes} 分钟内有效。如果不是你本人操作，请忽略并勿告诉他人。`;
    case 'zh-TW':
      return `${code} 是刪除你的橋 Qiao 帳號的驗證碼，${ttlMinutes} 分鐘內有效。如果不是你本人操作，請忽略並勿告訴他人。`;
    case 'ja':
      return `${code} はQiaoアカウントを削除するためのコードです。有効期限は${ttlMinutes}分です。心当たりがなければ無視し、誰にも教えないでください。`;
    case 'ko':
      return `${code}: Qiao 계정 삭제 확인 번호입니다. ${ttlMinutes}분 동안 유효해요. 직접 요청하지 않았다면 무시하고 누구에게도 알려 주지 마세요.`;
    case 'es':
      return `${code} es el código para ELIMINAR tu cuenta de Qiao. Caduca en ${ttlMinutes} minutos. Si no lo pediste, ignóralo y no lo compartas.`;
    case 'en':
      return `${code} is the code to DELETE your Qiao account. It expires in ${ttlMinutes} minutes. If you did not ask for it, ignore it and never share it.`;
  }
}
