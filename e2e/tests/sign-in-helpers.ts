import { type APIRequestContext, expect, type Page } from '@playwright/test';

/** The code the console SMS provider "sent", read from the development inbox. */
export async function latestCode(request: APIRequestContext, e164: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const response = await request.get(`/api/dev/sms?to=${encodeURIComponent(e164)}`);
      const body = (await response.json()) as { messages: Array<{ code: string | null }> };
      code = body.messages[0]?.code ?? undefined;
      return code;
    })
    .toBeTruthy();
  return code!;
}

/** From the Me tab: country, number, code. Leaves the page on onboarding or the profile. */
export async function signInThroughPage(
  page: Page,
  request: APIRequestContext,
  input: { country: string; nationalNumber: string; e164: string },
): Promise<void> {
  await page.getByTestId('tab-me').click();
  await page.getByTestId('country-select').selectOption(input.country);
  await page.getByTestId('phone-input').fill(input.nationalNumber);
  await page.getByTestId('send-code').click();
  await expect(page.getByTestId('code-input')).toBeVisible();
  await expect(page.getByTestId('code-sent-to')).toContainText(input.e164.slice(-4));
  await page.getByTestId('code-input').fill(await latestCode(request, input.e164));
}
