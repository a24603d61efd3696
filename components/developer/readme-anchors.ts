/**
 * Where the README explains the two requests of "Reusing the payment source": GitHub's anchors for its
 * headings, which /developer/readme gives the same ids. readme-blocks.test.ts checks that the README still has
 * headings with these anchors.
 */
export const SEED_STEP_README_ANCHORS = {
  1: 'step-1-save-the-klarna-payment-source-to-the-wallet',
  2: 'step-2-pay-with-the-saved-source',
} as const

export const README_PAGE = '/developer/readme'
