import type { rescore as th } from '#locales/th/rescore.ts'

export const rescore = {
  'rescore.title': 'Rescore a whole assessment cycle',
  'rescore.lead': 'Choose a cycle and a scoring ruleset. You first see which ratings would change; nothing is saved until you confirm.',
  'rescore.cycle': 'Cycle code',
  'rescore.ruleset': 'Scoring ruleset',
  'rescore.preview': 'Preview the effect',
  'rescore.summary': 'Ruleset {ruleset} scores {scored} submissions; {changed} ratings would change',
  'rescore.caption': 'Ratings that would change',
  'rescore.colReceipt': 'Receipt number',
  'rescore.colFrom': 'Current rating',
  'rescore.colTo': 'New rating',
  'rescore.notScored': 'Not scored',
  'rescore.more': 'Showing the first {shown} of {total} ratings that would change',
  'rescore.noChanges': 'No rating would change',
  'rescore.activateHint': 'When you confirm, every submission of this cycle gets its new score (the old ones are kept as history), and the audit log records it.',
  'rescore.activate': 'Confirm and use the new scores',
  'rescore.supervisorOnly': 'A supervisor confirms new scores.',
  'rescore.done': 'Rescored {scored} submissions with ruleset {ruleset}; {changed} ratings changed',
} as const satisfies Record<keyof typeof th, string>
