export interface NoteMentionsTable {
  note_id: string;
  user_id: string;
}
