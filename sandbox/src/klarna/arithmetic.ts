import { badValue } from './errors'
import type { OrderLine } from './schemas'

/** The amounts Klarna checks against each other; every order-shaped request has them. */
export type OrderAmounts = {
  order_amount: number
  order_tax_amount?: number | undefined
  order_lines: readonly OrderLine[]
}

/**
 * Klarna's amount and tax rules, in the order Klarna states them. Returns the fields that break a rule
 * (empty when the order adds up):
 * - `total_amount = quantity × unit_price − total_discount_amount`
 * - `total_tax_amount` within ±1 of `total_amount − total_amount × 10000 / (10000 + tax_rate)`
 * - `order_amount = Σ total_amount`, `order_tax_amount = Σ total_tax_amount`
 * A missing tax rate or tax amount counts as 0, as Klarna treats it.
 */
export function arithmeticViolations(order: OrderAmounts): string[] {
  const violations: string[] = []
  let amountSum = 0
  let taxSum = 0
  order.order_lines.forEach((line, index) => {
    const discount = line.total_discount_amount ?? 0
    // BigInt: quantity × unit_price can pass 2^53 for absurd quantities, and must not then round into a match.
    if (BigInt(line.quantity) * BigInt(line.unit_price) - BigInt(discount) !== BigInt(line.total_amount)) {
      violations.push(`order_lines[${index}].total_amount`)
    }
    const taxRate = line.tax_rate ?? 0
    const taxAmount = line.total_tax_amount ?? 0
    const expectedTax = line.total_amount - (line.total_amount * 10000) / (10000 + taxRate)
    if (Math.abs(taxAmount - expectedTax) > 1) violations.push(`order_lines[${index}].total_tax_amount`)
    amountSum += line.total_amount
    taxSum += taxAmount
  })
  if (order.order_amount !== amountSum) violations.push('order_amount')
  if ((order.order_tax_amount ?? 0) !== taxSum) violations.push('order_tax_amount')
  return violations
}

/** The same rules as Klarna's `400 BAD_VALUE`, one message per field at fault. */
export function requireConsistentAmounts(order: OrderAmounts): void {
  const violations = arithmeticViolations(order)
  if (violations.length > 0) throw badValue(violations)
}
