package org.familygateway.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familygateway.eligibility.Family.family;
import static org.familygateway.model.v1.AgencyKindType.CHILDRENS_SERVICES;
import static org.familygateway.model.v1.AgencyKindType.HEALTH;
import static org.familygateway.model.v1.AgencyKindType.HOUSING;
import static org.familygateway.model.v1.AgencyKindType.POLICE;
import static org.familygateway.model.v1.AgencyKindType.SCHOOL;
import static org.familygateway.model.v1.AsbInterventionKindType.ACCEPTABLE_BEHAVIOUR_CONTRACT;
import static org.familygateway.model.v1.AsbInterventionKindType.DISPERSAL_DIRECTION;
import static org.familygateway.model.v1.BenefitKindType.INCAPACITY_BENEFIT;
import static org.familygateway.model.v1.BenefitKindType.JOBSEEKERS_ALLOWANCE;
import static org.familygateway.model.v1.CarerExceptionType.COST_TO_PUBLIC_PURSE;
import static org.familygateway.model.v1.CarerExceptionType.TWENTY_FOUR_HOUR_CARE;
import static org.familygateway.model.v1.ConcernCodeType.ADULT_OFFENDING;
import static org.familygateway.model.v1.ConcernCodeType.FINANCIAL_EXCLUSION;
import static org.familygateway.model.v1.ConcernCodeType.MENTAL_HEALTH;
import static org.familygateway.model.v1.ConcernCodeType.NEET;
import static org.familygateway.model.v1.ConcernCodeType.PARENTING;
import static org.familygateway.model.v1.ConcernCodeType.SCHOOL_ATTENDANCE;
import static org.familygateway.model.v1.ConcernDomainType.CRIME;
import static org.familygateway.model.v1.ConcernDomainType.HOMELESSNESS_DUE_TO_DEBT;
import static org.familygateway.model.v1.DisposalKindType.YOUTH_CAUTION;
import static org.familygateway.model.v1.ExclusionKindType.FIXED_TERM;
import static org.familygateway.model.v1.ExclusionKindType.PERMANENT;
import static org.familygateway.model.v1.IncidentRoleType.PERPETRATOR;
import static org.familygateway.model.v1.IncidentRoleType.VICTIM;
import static org.familygateway.model.v1.NotOnRollKindType.CHILD_MISSING_EDUCATION;
import static org.familygateway.model.v1.NotOnRollKindType.ELECTIVE_HOME_EDUCATION;
import static org.familygateway.model.v1.ProvisionReasonType.BEHAVIOUR;
import static org.familygateway.model.v1.ProvisionReasonType.MEDICAL;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.CHILD_IN_NEED;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.CHILD_PROTECTION_PLAN;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.EARLY_HELP;
import static org.familygateway.model.v1.SocialCareEpisodeKindType.SECTION_47_ENQUIRY;
import static org.familygateway.model.v1.SupervisionKindType.COMMUNITY_ORDER;
import static org.familygateway.model.v1.SupervisionKindType.LICENCE;
import static org.familygateway.model.v1.UcRegimeType.ALL_WORK_RELATED_REQUIREMENTS;
import static org.familygateway.model.v1.UcRegimeType.NO_WORK_RELATED_REQUIREMENTS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.familygateway.eligibility.HealthNeed.Need;
import org.familygateway.model.v1.DecisionOutcomeType;
import org.familygateway.model.v1.HealthServiceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nottinghamshire's Family Outcomes Plan (004) on 11 January 2016: each of the 29 indicators met and
 * not met, the edge rules, and "at least two of the following six issues". Attendance terms are
 * spring 2014/15, summer 2014/15 and autumn 2015/16; exclusions count from Easter Monday 2015.
 */
class NottinghamshireRuleSetTest {

    static final LocalDate ON = LocalDate.of(2016, 1, 11);
    static final RuleSet RULES = RuleSets.load("nottinghamshire-fop");

    static LocalDate monthsAgo(int months) {
        return ON.minusMonths(months);
    }

    /** Mother 30, father 32, Kai 12. */
    static Family household() {
        return family().mother("mum", LocalDate.of(1985, 6, 1)).father("dad", LocalDate.of(1983, 2, 1)).child("kai", LocalDate.of(2003, 9, 10));
    }

    /** Sky turned 16 on 20 December 2015. */
    static Family withSky() {
        return household().child("sky", LocalDate.of(1999, 12, 20));
    }

    /** Jo is in Year 11 (15 on 31 August 2015); Tee is 17. */
    static Family withTeenagers() {
        return household().child("jo", LocalDate.of(2000, 6, 15)).child("tee", LocalDate.of(1998, 12, 1));
    }

    /** Tot is 3; Baby was born in June 2015. */
    static Family withLittleOnes() {
        return household().child("tot", LocalDate.of(2012, 8, 1)).child("baby", LocalDate.of(2015, 6, 20));
    }

    static Family absence(int possibleEach, int authorisedEach, int unauthorisedEach) {
        return household().attendance("kai", "2014/15 spring", possibleEach, authorisedEach, unauthorisedEach)
                .attendance("kai", "2014/15 summer", possibleEach, authorisedEach, unauthorisedEach)
                .attendance("kai", "2015/16 autumn", possibleEach, authorisedEach, unauthorisedEach);
    }

    static IndicatorCase row(String says, Family family, String code, boolean met, String explains) {
        return new IndicatorCase(says, family.build(), code, met, explains);
    }

    static final List<IndicatorCase> CRIME_AND_EDUCATION = List.of(
            row("1 \"Child who has committed a proven offence in last 12 months\": 11 months ago", household().offence("kai", monthsAgo(11), monthsAgo(10), YOUTH_CAUTION),
                    "NT01_CHILD_PROVEN_OFFENCE", true, "kai: youth caution"),
            row("1: an offence committed 13 months ago, though proven 11 months ago, was not committed in the last 12 months",
                    household().offence("kai", monthsAgo(13), monthsAgo(11), YOUTH_CAUTION), "NT01_CHILD_PROVEN_OFFENCE", false, "offence date is more than 12 months before"),
            row("2 \"Adult or child who has received an anti-social behaviour intervention in last 12 months\": any kind",
                    household().asb("dad", DISPERSAL_DIRECTION, false, monthsAgo(3), monthsAgo(3)), "NT02_ASB_INTERVENTION", true, "dad: Dispersal direction"),
            row("2: a contract received 14 months ago was not received in the last 12 months",
                    household().asb("kai", ACCEPTABLE_BEHAVIOUR_CONTRACT, false, monthsAgo(14), monthsAgo(2)), "NT02_ASB_INTERVENTION", false, "not in the last 12 months"),
            row("3 \"An adult prisoner who is less than 12 months from release date\"", household().custody("dad", LocalDate.of(2014, 3, 1), LocalDate.of(2016, 9, 1), null),
                    "NT03_PRISONER_NEAR_RELEASE", true, "less than 12 months from release"),
            row("3: a prisoner 14 months from release", household().custody("dad", LocalDate.of(2014, 3, 1), LocalDate.of(2017, 3, 1), null),
                    "NT03_PRISONER_NEAR_RELEASE", false, "release is 12 months or more away"),
            row("4 \"An adult who is currently subject to a licence … following release from prison\"", household().supervision("dad", LICENCE, monthsAgo(4), null),
                    "NT04_LICENCE_OR_SUPERVISION", true, "dad: Licence"),
            row("4: a licence that ended in October is not current", household().supervision("dad", LICENCE, monthsAgo(12), monthsAgo(3)),
                    "NT04_LICENCE_OR_SUPERVISION", false, "not supervised in the community"),
            row("5 (reconstructed): a father serving a community order", household().supervision("dad", COMMUNITY_ORDER, monthsAgo(2), null),
                    "NT05_COMMUNITY_SENTENCE", true, "dad: Community order"),
            row("5: a licence after prison is indicator 4, not a community sentence", household().supervision("dad", LICENCE, monthsAgo(2), null),
                    "NT05_COMMUNITY_SENTENCE", false, "only community order and suspended sentence order counts"),
            row("6 \"by professionals because their\" offending is of concern: the police record a concern about Kai",
                    household().professionalConcern("kai", CRIME, monthsAgo(2), POLICE), "NT06_CRIME_CONCERN", true, "Concern about crime"),
            row("6: a referrer's concern about the father's offending 18 months ago is out of date",
                    household().referralConcern("dad", ADULT_OFFENDING, monthsAgo(18)), "NT06_CRIME_CONCERN", false, "more than 12 months"),
            row("7 \"persistently absent … for a 10% average\": exactly 10.00% of sessions, authorised absence included", absence(100, 5, 5),
                    "NT07_PERSISTENT_ABSENCE", true, "30 of 300 possible sessions were absences (authorised and unauthorised) (10.00%)"),
            row("7: 9.90% is below 10%", household().attendance("kai", "2014/15 spring", 330, 30, 3).attendance("kai", "2014/15 summer", 340, 30, 3)
                    .attendance("kai", "2015/16 autumn", 330, 30, 3), "NT07_PERSISTENT_ABSENCE", false, "99 of 1000 possible sessions were absences (authorised and unauthorised) (9.90%)"),
            row("7 \"or Child referred by education professionals as having attendance issues\"",
                    household().referralConcernFrom(SCHOOL, "kai", SCHOOL_ATTENDANCE, monthsAgo(1)), "NT07_PERSISTENT_ABSENCE", true, "Referral concern: school attendance"),
            row("7: a health visitor is not an education professional",
                    household().referralConcernFrom(HEALTH, "kai", SCHOOL_ATTENDANCE, monthsAgo(1)), "NT07_PERSISTENT_ABSENCE", false, "only concerns raised by school and local authority count"),
            row("8 \"at least 3 fixed term exclusions in the last 3 school terms\"", household().exclusion("kai", FIXED_TERM, LocalDate.of(2015, 5, 4))
                    .exclusion("kai", FIXED_TERM, LocalDate.of(2015, 10, 12)).exclusion("kai", FIXED_TERM, LocalDate.of(2016, 1, 6)), "NT08_FIXED_TERM_EXCLUSIONS", true, "kai: 3 fixed term"),
            row("8: two fixed term exclusions are not three", household().exclusion("kai", FIXED_TERM, LocalDate.of(2015, 10, 12)).exclusion("kai", FIXED_TERM, LocalDate.of(2016, 1, 6)),
                    "NT08_FIXED_TERM_EXCLUSIONS", false, "kai: 2 fixed term"),
            row("9 \"has been permanently excluded\"", household().exclusion("kai", PERMANENT, LocalDate.of(2015, 11, 2)),
                    "NT09_PERMANENT_EXCLUSION_OR_AP", true, "kai: Permanent exclusion"),
            row("9 \"or a child who is in alternative provision for behaviour problems\"", household().provision("kai", BEHAVIOUR, monthsAgo(3), null),
                    "NT09_PERMANENT_EXCLUSION_OR_AP", true, "reason: behaviour"),
            row("9: alternative provision for medical reasons is not for behaviour", household().provision("kai", MEDICAL, monthsAgo(3), null),
                    "NT09_PERMANENT_EXCLUSION_OR_AP", false, "the reasons that count are previous exclusion and behaviour"),
            row("10 \"not registered with school nor being educated otherwise\"", household().offRoll("kai", CHILD_MISSING_EDUCATION, monthsAgo(2)),
                    "NT10_NOT_REGISTERED", true, "child missing education"),
            row("10: a child educated at home is being educated otherwise", household().offRoll("kai", ELECTIVE_HOME_EDUCATION, monthsAgo(2)),
                    "NT10_NOT_REGISTERED", false, "only child missing education counts"));

    static final List<IndicatorCase> CHILDREN_AND_WORK = List.of(
            row("11 \"Child identified as needing early help\"", household().socialCare("kai", EARLY_HELP, monthsAgo(2), null, null),
                    "NT11_EARLY_HELP", true, "kai: Early help"),
            row("11 and L118: \"Any person below 16 years old exhibiting violence in the home is identified as a 'Child Needing Early Help'\": Sky, the day before turning 16",
                    withSky().incidentKnownTo(CHILDRENS_SERVICES, "sky", PERPETRATOR, LocalDate.of(2015, 12, 19)), "NT11_EARLY_HELP", true, "role: perpetrator, aged 15"),
            row("11: at 16, violence at home is perpetration (indicator 21), not early help",
                    withSky().incidentKnownTo(CHILDRENS_SERVICES, "sky", PERPETRATOR, LocalDate.of(2015, 12, 20)), "NT11_EARLY_HELP", false, "was 16 or over on the day"),
            row("11: an early help episode closed last year", household().socialCare("kai", EARLY_HELP, monthsAgo(20), monthsAgo(13), null),
                    "NT11_EARLY_HELP", false, "not open on 11 January 2016"),
            row("12 \"Child 'in need' under Section 17\"", household().socialCare("kai", CHILD_IN_NEED, monthsAgo(6), null, null), "NT12_CHILD_IN_NEED", true, "kai: Child in need"),
            row("12: a child in need episode closed in the summer", household().socialCare("kai", CHILD_IN_NEED, monthsAgo(12), monthsAgo(6), null),
                    "NT12_CHILD_IN_NEED", false, "not open on 11 January 2016"),
            row("13 \"Child who has been subject to an enquiry under Section 47\": five months ago", household().socialCare("kai", SECTION_47_ENQUIRY, monthsAgo(5), monthsAgo(4), null),
                    "NT13_SECTION_47", true, "kai: Section 47 enquiry"),
            row("13: an enquiry 14 months ago is outside the 12 months read into it", household().socialCare("kai", SECTION_47_ENQUIRY, monthsAgo(14), monthsAgo(13), null),
                    "NT13_SECTION_47", false, "started in the last 12 months"),
            row("14 \"Child subject to a Child Protection Plan\"", household().socialCare("kai", CHILD_PROTECTION_PLAN, monthsAgo(3), null, null),
                    "NT14_CHILD_PROTECTION_PLAN", true, "kai: Child protection plan"),
            row("14: a plan ended last spring", household().socialCare("kai", CHILD_PROTECTION_PLAN, monthsAgo(20), monthsAgo(9), null),
                    "NT14_CHILD_PROTECTION_PLAN", false, "not open on 11 January 2016"),
            row("15 \"Child under 5 identified as needing early help\": Tot, 3", withLittleOnes().socialCare("tot", EARLY_HELP, monthsAgo(2), null, null),
                    "NT15_UNDER_5_EARLY_HELP", true, "tot: Early help"),
            row("15: Kai at 12 is not under 5", household().socialCare("kai", EARLY_HELP, monthsAgo(2), null, null),
                    "NT15_UNDER_5_EARLY_HELP", false, "no early help episode"),
            row("16 \"Adult in receipt of out of work benefits\": Job Seekers Allowance", household().benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(7), null),
                    "NT16_OUT_OF_WORK_BENEFITS", true, "mum: Jobseekers allowance"),
            row("16: Incapacity Benefit is not on Nottinghamshire's list", household().benefit("mum", INCAPACITY_BENEFIT, monthsAgo(70), null),
                    "NT16_OUT_OF_WORK_BENEFITS", false, "not one of the benefits listed"),
            row("16 \"or who is claiming Universal Credit and subject to work related conditions\"", household().universalCredit("dad", ALL_WORK_RELATED_REQUIREMENTS, monthsAgo(3)),
                    "NT16_OUT_OF_WORK_BENEFITS", true, "dad: Universal credit (all work related requirements)"),
            row("16: Universal Credit with no work-related requirements does not count", household().universalCredit("dad", NO_WORK_RELATED_REQUIREMENTS, monthsAgo(3)),
                    "NT16_OUT_OF_WORK_BENEFITS", false, "not subject to work-related conditions"),
            row("16 \"Carers Allowance *\" without an exception counts", household().carersAllowance("mum", null, monthsAgo(30)),
                    "NT16_OUT_OF_WORK_BENEFITS", true, "mum: Carers allowance"),
            row("L95 \"where 24 hour care is being provided\"", household().carersAllowance("mum", TWENTY_FOUR_HOUR_CARE, monthsAgo(30)),
                    "NT16_OUT_OF_WORK_BENEFITS", false, "carer's allowance only, and an exception applies (twenty four hour care)"),
            row("L96 \"where the cost to the public purse would be greater\"", household().carersAllowance("mum", COST_TO_PUBLIC_PURSE, monthsAgo(30)),
                    "NT16_OUT_OF_WORK_BENEFITS", false, "an exception applies (cost to public purse)"),
            row("L94 \"where adult(s) are in work but also get a carer's allowance\"", household().carersAllowance("mum", null, monthsAgo(30)).employment("mum", monthsAgo(5)),
                    "NT16_OUT_OF_WORK_BENEFITS", false, "an exception applies (in work)"),
            row("the exception covers Carer's Allowance alone: with Job Seekers Allowance as well the adult still counts",
                    household().carersAllowance("mum", TWENTY_FOUR_HOUR_CARE, monthsAgo(30)).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(3), null),
                    "NT16_OUT_OF_WORK_BENEFITS", true, "mum: Jobseekers allowance"),
            row("17 \"Child who is about to leave school … no planned education, training or employment\": Jo in Year 11",
                    withTeenagers().referralConcern("jo", NEET, monthsAgo(1)), "NT17_SCHOOL_LEAVER_NO_PLAN", true, "jo: Referral concern: neet"),
            row("17: Tee, 17, has already left school", withTeenagers().referralConcern("tee", NEET, monthsAgo(1)), "NT17_SCHOOL_LEAVER_NO_PLAN", false, "no concern of this kind"),
            row("18 \"Child or young person who is not in education, training or employment\": Tee, 17", withTeenagers().referralConcern("tee", NEET, monthsAgo(1)),
                    "NT18_NEET", true, "tee: Referral concern: neet"),
            row("18: Jo at 15 is still of school age", withTeenagers().referralConcern("jo", NEET, monthsAgo(1)), "NT18_NEET", false, "no concern of this kind"),
            row("19 \"referred by professionals as being at significant risk of … homelessness due to debt\"",
                    household().professionalConcern("mum", HOMELESSNESS_DUE_TO_DEBT, monthsAgo(2), HOUSING), "NT19_FINANCIAL_EXCLUSION", true, "Concern about homelessness due to debt"),
            row("19: a referral about financial exclusion two years ago is out of date", household().referralConcern("mum", FINANCIAL_EXCLUSION, monthsAgo(24)),
                    "NT19_FINANCIAL_EXCLUSION", false, "more than 12 months"));

    static final List<IndicatorCase> VIOLENCE_AND_HEALTH = List.of(
            row("20 \"known to local services as having experienced … domestic violence\"", household().incident("mum", VICTIM, monthsAgo(3)),
                    "NT20_DV_VICTIM", true, "role: victim"),
            row("20: an incident two years ago is outside the 12 months read into it", household().incident("mum", VICTIM, monthsAgo(24)),
                    "NT20_DV_VICTIM", false, "more than 12 months"),
            row("21 \"having perpetrated an incident of domestic violence or abuse in the last 12 months\"", household().incident("dad", PERPETRATOR, monthsAgo(2)),
                    "NT21_DV_PERPETRATOR", true, "dad: Domestic incident"),
            row("L118 \"the person has to be 16 years+\": Sky at 15 is not a perpetrator",
                    withSky().incidentKnownTo(CHILDRENS_SERVICES, "sky", PERPETRATOR, LocalDate.of(2015, 12, 19)), "NT21_DV_PERPETRATOR", false, "under 16 on the day"),
            row("L118: Sky on her 16th birthday is", withSky().incidentKnownTo(CHILDRENS_SERVICES, "sky", PERPETRATOR, LocalDate.of(2015, 12, 20)),
                    "NT21_DV_PERPETRATOR", true, "aged 16"),
            row("22 \"Household has been subject to a Police call out for at least one domestic incident in the last 12 month\"",
                    household().incident("mum", VICTIM, monthsAgo(2)), "NT22_POLICE_CALL_OUT", true, "Domestic incident"),
            row("22: an incident known to children's services but not the police is no call out",
                    household().incidentKnownTo(CHILDRENS_SERVICES, "mum", VICTIM, monthsAgo(2)), "NT22_POLICE_CALL_OUT", false, "only records from police count"),
            row("23 \"Adult with a parenting responsibility who has a mental health problem\"",
                    household().health("mum", Need.MENTAL_HEALTH, HealthServiceType.ADULT_MENTAL_HEALTH, monthsAgo(8), null), "NT23_PARENT_MENTAL_HEALTH", true, "mum: Mental health"),
            row("23: a child's mental health is indicator 26", household().health("kai", Need.MENTAL_HEALTH, HealthServiceType.CAMHS, monthsAgo(8), null),
                    "NT23_PARENT_MENTAL_HEALTH", false, "no mental health need"),
            row("24 \"Adult with a parenting responsibility who has a drug or alcohol problem\"",
                    household().health("dad", Need.SUBSTANCE_MISUSE, HealthServiceType.DRUG_AND_ALCOHOL_SERVICE, monthsAgo(8), null), "NT24_PARENT_SUBSTANCE_MISUSE", true, "dad: Substance misuse"),
            row("24: a drug problem that ended before the evaluation date",
                    household().health("dad", Need.SUBSTANCE_MISUSE, HealthServiceType.DRUG_AND_ALCOHOL_SERVICE, monthsAgo(30), monthsAgo(6)), "NT24_PARENT_SUBSTANCE_MISUSE", false, "not counted"),
            row("25 \"A new mother who has a mental health or substance misuse problem and other factors associated with poor parenting\"",
                    withLittleOnes().health("mum", Need.MENTAL_HEALTH, HealthServiceType.PERINATAL_MENTAL_HEALTH, monthsAgo(5), null).referralConcernFrom(HEALTH, "mum", PARENTING, monthsAgo(1)),
                    "NT25_NEW_MOTHER", true, "mother of baby"),
            row("25: the same needs without a baby in the household",
                    household().health("mum", Need.MENTAL_HEALTH, HealthServiceType.ADULT_MENTAL_HEALTH, monthsAgo(5), null).referralConcernFrom(HEALTH, "mum", PARENTING, monthsAgo(1)),
                    "NT25_NEW_MOTHER", false, "no baby under 12 months"),
            row("26 \"Child who has a mental health problem\"", household().health("kai", Need.MENTAL_HEALTH, HealthServiceType.CAMHS, monthsAgo(4), null),
                    "NT26_CHILD_MENTAL_HEALTH", true, "kai: Mental health"),
            row("26: a parent's mental health is indicator 23", household().health("mum", Need.MENTAL_HEALTH, HealthServiceType.GP, monthsAgo(4), null),
                    "NT26_CHILD_MENTAL_HEALTH", false, "no mental health need"),
            row("27 \"Child who has a drug or alcohol problem\"", withTeenagers().health("tee", Need.SUBSTANCE_MISUSE, HealthServiceType.DRUG_AND_ALCOHOL_SERVICE, monthsAgo(4), null),
                    "NT27_CHILD_SUBSTANCE_MISUSE", true, "tee: Substance misuse"),
            row("27: a problem known until last year", withTeenagers().health("tee", Need.SUBSTANCE_MISUSE, HealthServiceType.DRUG_AND_ALCOHOL_SERVICE, monthsAgo(30), monthsAgo(13)),
                    "NT27_CHILD_SUBSTANCE_MISUSE", false, "not counted"),
            row("28 \"referred by health professionals as having any mental and physical problems\"", household().referralConcernFrom(HEALTH, "mum", MENTAL_HEALTH, monthsAgo(1)),
                    "NT28_HEALTH_REFERRAL", true, "mum: Referral concern: mental health"),
            row("28: a school is not a health professional", household().referralConcernFrom(SCHOOL, "kai", MENTAL_HEALTH, monthsAgo(1)),
                    "NT28_HEALTH_REFERRAL", false, "only concerns raised by health count"),
            row("29 \"Child under 5 identified as needing early help due to physical or mental health problems\"",
                    withLittleOnes().socialCare("tot", EARLY_HELP, monthsAgo(2), null, "HEALTH"), "NT29_UNDER_5_HEALTH_EARLY_HELP", true, "tot: Early help"),
            row("29: early help for parenting is not due to health", withLittleOnes().socialCare("tot", EARLY_HELP, monthsAgo(2), null, "PARENTING"),
                    "NT29_UNDER_5_HEALTH_EARLY_HELP", false, "the reasons that count are health, mental health and physical health"));

    static List<IndicatorCase> indicators() {
        List<IndicatorCase> all = new ArrayList<>(CRIME_AND_EDUCATION);
        all.addAll(CHILDREN_AND_WORK);
        all.addAll(VIOLENCE_AND_HEALTH);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicators")
    void indicator(IndicatorCase row) {
        row.check(RULES, ON);
    }

    @Test
    void the_table_sees_every_one_of_the_29_indicators_met_and_not_met() {
        assertThat(RULES.indicators()).hasSize(29);
        IndicatorCase.assertTableCoversEveryIndicatorBothWays(RULES, indicators());
    }

    record DecisionCase(String says, Household household, DecisionOutcomeType outcome, List<String> issues) {
        @Override
        public String toString() {
            return says;
        }
    }

    static List<DecisionCase> decisions() {
        return List.of(
                new DecisionCase("L11 \"at least two of the following six issues\": crime and domestic violence",
                        household().offence("kai", monthsAgo(5), monthsAgo(4), YOUTH_CAUTION).incident("dad", PERPETRATOR, monthsAgo(2)).build(),
                        DecisionOutcomeType.INCLUDED, List.of("ISSUE_1_CRIME", "ISSUE_5_DOMESTIC_VIOLENCE")),
                new DecisionCase("two indicators under one issue are one issue",
                        household().health("mum", Need.MENTAL_HEALTH, HealthServiceType.GP, monthsAgo(5), null)
                                .health("dad", Need.SUBSTANCE_MISUSE, HealthServiceType.DRUG_AND_ALCOHOL_SERVICE, monthsAgo(5), null).build(),
                        DecisionOutcomeType.NOT_ELIGIBLE, List.of("ISSUE_6_HEALTH")),
                new DecisionCase("one person can bring two issues: a mother on Job Seekers Allowance with a mental health problem",
                        household().benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(5), null).health("mum", Need.MENTAL_HEALTH, HealthServiceType.GP, monthsAgo(5), null).build(),
                        DecisionOutcomeType.INCLUDED, List.of("ISSUE_4_WORKLESSNESS", "ISSUE_6_HEALTH")),
                new DecisionCase("L118 redirect: Sky's violence at home at 15 is a child needing early help, not domestic violence",
                        withSky().incidentKnownTo(CHILDRENS_SERVICES, "sky", PERPETRATOR, LocalDate.of(2015, 12, 19)).benefit("mum", JOBSEEKERS_ALLOWANCE, monthsAgo(5), null).build(),
                        DecisionOutcomeType.INCLUDED, List.of("ISSUE_3_CHILDREN_NEED_HELP", "ISSUE_4_WORKLESSNESS")),
                new DecisionCase("a carer giving 24 hour care brings no worklessness issue",
                        household().carersAllowance("mum", TWENTY_FOUR_HOUR_CARE, monthsAgo(30)).incident("mum", VICTIM, monthsAgo(2)).build(),
                        DecisionOutcomeType.NOT_ELIGIBLE, List.of("ISSUE_5_DOMESTIC_VIOLENCE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decision(DecisionCase row) {
        Decision decision = Evaluator.evaluate(RULES, row.household(), ON);

        assertThat(decision.outcome()).isEqualTo(row.outcome());
        assertThat(decision.problemsMet()).containsExactlyElementsOf(row.issues());
        if (row.outcome() == DecisionOutcomeType.NOT_ELIGIBLE) {
            assertThat(decision.missing()).first().asString().startsWith("To be included: at least 2 needed, 1 of");
        } else {
            assertThat(decision.verdict().reason()).isEqualTo("The household has at least two of the six issues, so it is an eligible 'Troubled Family'.");
        }
    }
}
