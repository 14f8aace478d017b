/**
 * What a mail template returns: a subject and a few kinds of blocks. One renderer turns blocks into
 * the text part and the accessible HTML part, so every mail looks and reads the same (R24).
 */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  /** Label–value pairs, e.g. the user name. */
  | { kind: 'facts'; items: readonly { label: string; value: string }[] }
  /** The one thing to do: a link shown as a link and as a copyable address. */
  | { kind: 'action'; label: string; url: string }
  | { kind: 'heading'; text: string }
  | { kind: 'steps'; items: readonly string[] }
  | { kind: 'note'; text: string }

export type MailContent = {
  subject: string
  greeting: string
  blocks: readonly MailBlock[]
}

/** The finished message body: Thai first, English below. */
export type RenderedMail = { subject: string; text: string; html: string }
