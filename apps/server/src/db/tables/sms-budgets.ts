/** SMS sent in one hour, for the service ('all') or one country calling code ('cc:44'). */
export interface SmsBudgetsTable {
  scope: string;
  hour: Date;
  sent: number;
}
