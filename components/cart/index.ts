// What other features use of the cart; everything else in this folder is the cart's own.
export { CartCountLink } from './cart-count-link'
export { CartCountProvider } from './cart-count'
export { addToCartAndCheckoutAction } from './actions'
