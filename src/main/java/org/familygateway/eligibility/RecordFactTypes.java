package org.familygateway.eligibility;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.familygateway.model.v1.AlternativeProvisionType;
import org.familygateway.model.v1.AsbInterventionType;
import org.familygateway.model.v1.BenefitSpellType;
import org.familygateway.model.v1.CustodyType;
import org.familygateway.model.v1.DomesticIncidentType;
import org.familygateway.model.v1.EmploymentStartType;
import org.familygateway.model.v1.HomelessnessDecisionType;
import org.familygateway.model.v1.NotOnRollType;
import org.familygateway.model.v1.OffenderManagementType;
import org.familygateway.model.v1.PeriodType;
import org.familygateway.model.v1.ProfessionalConcernType;
import org.familygateway.model.v1.ProvenOffenceType;
import org.familygateway.model.v1.RecordType;
import org.familygateway.model.v1.RegistrationKindType;
import org.familygateway.model.v1.RentArrearsType;
import org.familygateway.model.v1.SchoolAttendanceType;
import org.familygateway.model.v1.SchoolExclusionType;
import org.familygateway.model.v1.SocialCareEpisodeType;
import org.familygateway.model.v1.SupervisionType;
import org.familygateway.model.v1.TenancyEnforcementType;

/** One mapping per record type of information-share.xsd, apart from the health records (see {@link RecordFacts}). */
final class RecordFactTypes {

    /** The member a record is about and where it came from. */
    private record About(String subject, Source source) {
    }

    /** A record's fields, with who it is about and its source, to a fact. */
    private interface Mapping extends BiFunction<RecordType, About, Fact> {
    }

    private static final Map<Class<? extends RecordType>, Mapping> MAPPINGS = new HashMap<>();

    static {
        MAPPINGS.putAll(schoolPoliceAndHousing());
        MAPPINGS.putAll(benefitsCareAndProbation());
    }

    /** School, police and offender management records. */
    private static Map<Class<? extends RecordType>, Mapping> schoolPoliceAndHousing() {
        return Map.ofEntries(
            Map.entry(SchoolAttendanceType.class, (r, s) -> attendance((SchoolAttendanceType) r, s)),
            Map.entry(SchoolExclusionType.class, (r, s) -> {
                SchoolExclusionType x = (SchoolExclusionType) r;
                return new Exclusion(s.subject(), x.getKind(), x.getStartDate(), x.getReview(), s.source());
            }),
            Map.entry(AlternativeProvisionType.class, (r, s) -> {
                AlternativeProvisionType x = (AlternativeProvisionType) r;
                return new Provision(s.subject(), x.getKind(), x.getReason(), period(x.getPlacement()), s.source());
            }),
            Map.entry(NotOnRollType.class, (r, s) -> new OffRoll(s.subject(), ((NotOnRollType) r).getKind(), period(((NotOnRollType) r).getPeriod()), s.source())),
            Map.entry(ProvenOffenceType.class, (r, s) -> {
                ProvenOffenceType x = (ProvenOffenceType) r;
                return new Offence(s.subject(), x.getOffenceDate(), x.getDisposalDate(), x.getDisposal(), x.getAgeAtOffence().intValueExact(),
                        x.getOffenceCategory(), x.isSexualOffence(), s.source());
            }),
            Map.entry(AsbInterventionType.class, (r, s) -> {
                AsbInterventionType x = (AsbInterventionType) r;
                return new AsbAction(s.subject(), x.getKind(), x.isHousingRelated(), period(x.getPeriod()), s.source());
            }),
            Map.entry(DomesticIncidentType.class, (r, s) -> {
                DomesticIncidentType x = (DomesticIncidentType) r;
                return new DomesticIncident(s.subject(), x.getIncidentReference(), x.getIncidentDate(), x.getRole(), x.isCrimeRecorded(), s.source());
            }),
            Map.entry(OffenderManagementType.class, (r, s) -> new OffenderScheme(s.subject(), ((OffenderManagementType) r).getScheme(),
                    period(((OffenderManagementType) r).getPeriod()), s.source())));
    }

    /** Housing, benefit, employment, social care, probation and professional concern records. */
    private static Map<Class<? extends RecordType>, Mapping> benefitsCareAndProbation() {
        return Map.ofEntries(
            Map.entry(TenancyEnforcementType.class, (r, s) -> {
                TenancyEnforcementType x = (TenancyEnforcementType) r;
                return new TenancyAction(s.subject(), x.getKind(), x.getGrounds(), x.getActionDate(), s.source());
            }),
            Map.entry(RentArrearsType.class, (r, s) -> {
                RentArrearsType x = (RentArrearsType) r;
                return new Arrears(s.subject(), x.getAsOf(), x.getAmountPence().longValueExact(), x.getWeeksInArrears(), x.isRepaymentArrangement(), s.source());
            }),
            Map.entry(HomelessnessDecisionType.class, (r, s) -> {
                HomelessnessDecisionType x = (HomelessnessDecisionType) r;
                return new Homelessness(s.subject(), x.getDecision(), x.getDecisionDate(), x.isDueToDebt(), s.source());
            }),
            Map.entry(BenefitSpellType.class, (r, s) -> {
                BenefitSpellType x = (BenefitSpellType) r;
                return new Benefit(s.subject(), x.getBenefit(), period(x.getSpell()), x.getUcRegime(), x.getCarerException(), s.source());
            }),
            Map.entry(EmploymentStartType.class, (r, s) -> new Employment(s.subject(), period(((EmploymentStartType) r).getEmployment()),
                    ((EmploymentStartType) r).getHoursPerWeek(), s.source())),
            Map.entry(SocialCareEpisodeType.class, (r, s) -> {
                SocialCareEpisodeType x = (SocialCareEpisodeType) r;
                return new SocialCare(s.subject(), x.getKind(), period(x.getEpisode()), x.getProtectionCategory(), x.getReason(), s.source());
            }),
            Map.entry(CustodyType.class, (r, s) -> {
                CustodyType x = (CustodyType) r;
                return new Custody(s.subject(), x.getKind(), x.getReceptionDate(), x.getExpectedRelease(), x.getReleased(), s.source());
            }),
            Map.entry(SupervisionType.class, (r, s) -> {
                SupervisionType x = (SupervisionType) r;
                return new Supervision(s.subject(), x.getKind(), period(x.getPeriod()), x.getRecalled(), s.source());
            }),
            Map.entry(ProfessionalConcernType.class, (r, s) -> {
                ProfessionalConcernType x = (ProfessionalConcernType) r;
                return new ProfessionalConcern(s.subject(), x.getDomain(), x.getRaisedOn(), x.getPractitioner().getRole(), s.source());
            }));
    }

    private RecordFactTypes() {
    }

    static Fact fact(RecordType record, String subjectId, Source source) {
        Mapping mapping = MAPPINGS.get(record.getClass());
        if (mapping == null) {
            throw new IllegalArgumentException("no fact is known for a " + record.getClass().getSimpleName());
        }
        return mapping.apply(record, new About(subjectId, source));
    }

    static Period period(PeriodType period) {
        return new Period(period.getFrom(), period.getTo());
    }

    private static Fact attendance(SchoolAttendanceType x, About s) {
        Term term = Term.of(x.getTerm().getAcademicYear(), x.getTerm().getTerm());
        return new Attendance(s.subject(), term, x.getSessionsPossible(), x.getSessionsAuthorisedAbsence(), x.getSessionsUnauthorisedAbsence(),
                x.getRegistration() == RegistrationKindType.MAIN, x.getCovers().getTo() != null ? x.getCovers().getTo() : x.getCovers().getFrom(), s.source());
    }
}
