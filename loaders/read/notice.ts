// What reading a file noticed but could recover from: reported in the document's parse_issues, never
// silently dropped. The offset is into SourceText.original (the text extracted from the file); the corpus
// stage maps it to a span of the normalised text.
export interface ReadNotice {
  severity: "warning" | "info";
  code: string;
  message: string;
  /** Offset into the extracted text where the affected content begins, or null when it has no place. */
  offset: number | null;
}
