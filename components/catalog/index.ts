// What other features use of the catalogue; everything else in this folder is its own.
export { Thumbnail } from './thumbnail'
