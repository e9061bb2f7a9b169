package org.familygateway.eligibility;

import java.util.List;

/** A headline problem ("Crime and ASB", "Key Issue Two: Education"): met when any of its indicators is met. */
record ProblemRule(String code, String name, Citation citation, List<IndicatorRule> indicators) {

    ProblemResult evaluate(Context context) {
        List<IndicatorResult> results = indicators.stream().map(i -> i.evaluate(context)).toList();
        return new ProblemResult(code, name, results.stream().anyMatch(IndicatorResult::met), results, citation);
    }
}
