import { STATUS_CODES } from 'node:http'
import type { ErrorRenderer } from './errors'
import type { Socket } from 'node:net'

type ClientError = NodeJS.ErrnoException & { rawPacket?: Buffer }

/**
 * The server's `clientError` listener: a request Node's parser refuses before any handler sees it (a request
 * line and headers over 16 KB, bytes that are not HTTP) gets an answer in the shape of the API it was for, not
 * Node's bare 431/400.
 */
export function answerUnparsableRequest(errorShapeFor: (path: string) => ErrorRenderer) {
  return (error: ClientError, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
    const requestLine = /^[A-Z]+ (\/\S*)/.exec(error.rawPacket?.toString('latin1', 0, 4096) ?? '')
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
    const failure = errorShapeFor(requestLine?.[1] ?? '')(
      tooLarge ? 431 : 400,
      tooLarge ? 'Request header fields too large' : 'Bad request',
      tooLarge ? 'The request line and headers together may take at most 16 KB.' : 'The request is not valid HTTP/1.1.',
    )
    const payload = typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body)
    socket.end(
      `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status]}\r\nContent-Type: ${failure.contentType}\r\n` +
        `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    )
  }
}
