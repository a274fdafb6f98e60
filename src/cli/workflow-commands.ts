/**
 * Text for the log around the annotations, neutralised: the runner takes any line that starts with `::`
 * (after spaces) as a command, so a line of text from a file (a fixture name with a line break in it) must
 * not start that way. Its first colon is written as `\x3a`.
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text.replace(/^([ \t]*):(?=:)/gm, "$1\\x3a");
}
