// What other features use of Buy now; everything else in this folder is its own.
export { BuyNowForm, type BuyNowOffer } from './buy-now-form'
