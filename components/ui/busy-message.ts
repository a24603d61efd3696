/** What a shopper reads when Commerce Layer's rate limit refused a change: nothing was done, and trying again works. */
export const SHOP_BUSY = 'The shop is busy, try again in a few seconds.'
