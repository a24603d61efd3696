/**
 * Just enough Markdown to serve the README at /developer/readme, so that the Developer panel's links work with no
 * repository host and no network: headings get GitHub's anchors, code blocks stay code, everything else is shown as
 * written. Pure, and tested with the real README (readme-blocks.test.ts).
 */

export type ReadmeBlock =
  | { kind: 'heading'; level: number; text: string; id: string }
  | { kind: 'code'; text: string }
  | { kind: 'text'; text: string }

/** GitHub's anchor for a heading: lower case, punctuation dropped (but `-` and `_`), spaces to hyphens. */
export function headingAnchor(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = []
  const lines = markdown.split('\n')
  let paragraph: string[] = []
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'text', text: paragraph.join('\n') })
    paragraph = []
  }

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (line.startsWith('```')) {
      endParagraph()
      const code: string[] = []
      while (++index < lines.length && !(lines[index] as string).startsWith('```')) code.push(lines[index] as string)
      blocks.push({ kind: 'code', text: code.join('\n') })
      continue
    }
    const heading = /^(#{1,6})\s+(.+?)\s*$/.exec(line)
    if (heading) {
      endParagraph()
      const text = heading[2] as string
      blocks.push({ kind: 'heading', level: (heading[1] as string).length, text, id: headingAnchor(text) })
    } else if (line.trim() === '') {
      endParagraph()
    } else {
      paragraph.push(line)
    }
  }
  endParagraph()
  return blocks
}
