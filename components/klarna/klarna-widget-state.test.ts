import { describe, expect, it } from 'vitest'
import {
  initialKlarnaWidgetState,
  KLARNA_DIALOG_FAILED,
  KLARNA_NOT_LOADED,
  KLARNA_REFUSED,
  klarnaWidgetReducer,
  klarnaWidgetView,
  type KlarnaWidgetEvent,
  type KlarnaWidgetState,
  type ReadySession,
} from './klarna-widget-state'

const session = {
  clientToken: 'eyJ.a.b',
  category: { identifier: 'klarna', name: 'Pay with Klarna' },
} as ReadySession

const run = (...events: KlarnaWidgetEvent[]): KlarnaWidgetState =>
  events.reduce(klarnaWidgetReducer, initialKlarnaWidgetState)

const loaded = (showForm = true): KlarnaWidgetEvent => ({ type: 'loaded', key: 'k1', showForm, session })
const view = (state: KlarnaWidgetState, sessionKey = 'k1') =>
  klarnaWidgetView(state, { detailsComplete: true, sessionKey })

describe('klarnaWidgetReducer', () => {
  it('enables paying only once load answered show_form: true', () => {
    expect(view(run()).name).toBe('preparing')
    expect(run({ type: 'pay-pressed' }).name).toBe('preparing')
    expect(run(loaded()).name).toBe('ready')
    expect(run(loaded(), { type: 'pay-pressed' }).name).toBe('authorizing')
  })

  it('greys Klarna out with a sentence when load answered show_form: false, and pressing does nothing', () => {
    const refused = run(loaded(false), { type: 'pay-pressed' })
    expect(refused).toMatchObject({ name: 'refused', message: KLARNA_REFUSED })
  })

  it('says so when the session or the library could not be had', () => {
    expect(run({ type: 'session-refused', key: 'k1', message: 'Fill in your details first.' })).toMatchObject({
      name: 'unavailable',
      message: 'Fill in your details first.',
    })
    expect(run({ type: 'load-failed', key: 'k1' })).toMatchObject({ name: 'unavailable', message: KLARNA_NOT_LOADED })
  })

  it('never leaves the button busy when authorize throws', () => {
    expect(run(loaded(), { type: 'pay-pressed' }, { type: 'authorize-threw' })).toMatchObject({
      name: 'unavailable',
      message: KLARNA_DIALOG_FAILED,
    })
  })

  it("follows each of authorize's documented answers", () => {
    const authorizing = [loaded(), { type: 'pay-pressed' }] as KlarnaWidgetEvent[]
    const answer = (response: object) => run(...authorizing, { type: 'authorized', response } as KlarnaWidgetEvent)
    expect(answer({ approved: true, show_form: true, authorization_token: 't' }).name).toBe('placing')
    // finalize_required: still waiting, for finalize's callback.
    expect(answer({ approved: true, show_form: true, finalize_required: true }).name).toBe('authorizing')
    expect(answer({ approved: false, show_form: false })).toMatchObject({ name: 'refused', message: KLARNA_REFUSED })
    expect(answer({ approved: false, show_form: true })).toMatchObject({ name: 'ready', message: '' })
    expect(
      answer({ approved: false, show_form: true, error: { invalid_fields: ['billing_address.email'] } }),
    ).toMatchObject({
      name: 'ready',
      message: 'Klarna needs a valid email address. Please correct it above, then pay again.',
    })
  })

  it('after placing: stays placing when placed, asks for a new session, or lets the shopper try again', () => {
    const placing = [
      loaded(),
      { type: 'pay-pressed' },
      { type: 'authorized', response: { approved: true, show_form: true, authorization_token: 't' } },
    ] as KlarnaWidgetEvent[]
    expect(
      run(...placing, {
        type: 'placing-answered',
        result: { status: 'success', message: '', data: { orderId: 'o', walletSaveFailed: false } },
      }).name,
    ).toBe('placing')
    expect(
      run(...placing, {
        type: 'placing-answered',
        result: { status: 'error', message: 'Your cart changed.', next: 'authorize-again' },
      }),
    ).toMatchObject({
      name: 'preparing',
      message: 'Your cart changed.',
    })
    expect(
      run(...placing, { type: 'placing-answered', result: { status: 'error', message: 'Try again.' } }),
    ).toMatchObject({
      name: 'ready',
      message: 'Try again.',
    })
  })
})

describe('klarnaWidgetView', () => {
  it('waits for the details, and treats a state of an earlier order as preparing', () => {
    expect(klarnaWidgetView(run(loaded()), { detailsComplete: false, sessionKey: 'k1' })).toEqual({ name: 'waiting' })
    expect(view(run(loaded()), 'k2')).toEqual({ name: 'preparing', message: '' })
    expect(view(run(loaded()), 'k1').name).toBe('ready')
  })
})
