/** Phone numbers a person looked up per UTC day (the cap stops enumeration). */
export interface PhoneLookupBudgetsTable {
  user_id: string;
  day: string;
  used: number;
}
