package org.familygateway.eligibility;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number. Absence rates are compared as fractions, never as rounded percentages:
 * 14.96% must not pass for 15%.
 */
record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("a fraction needs a positive denominator");
        }
    }

    static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** A percentage such as 15 or 12.5, exactly. */
    static Fraction percent(BigDecimal percent) {
        BigDecimal hundredths = percent.stripTrailingZeros();
        int scale = Math.max(hundredths.scale(), 0);
        return new Fraction(hundredths.movePointRight(scale).toBigIntegerExact(), BigInteger.TEN.pow(scale).multiply(BigInteger.valueOf(100)));
    }

    Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Fraction dividedBy(long divisor) {
        return new Fraction(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** For reading only, to two places; decisions never use it. */
    String asPercent() {
        return new BigDecimal(numerator).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
