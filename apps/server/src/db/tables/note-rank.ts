export interface NoteRankTable {
  note_id: string;
  score: number;
  computed_at: Date;
}
