package org.familygateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package split of ../shared/DESIGN.md, kept by the build: capabilities meet at the message
 * model, the domain imports no framework, and only the app wires things together.
 */
@AnalyzeClasses(packages = "org.familygateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {"org.apache.camel..", "org.apache.cxf..", "jakarta.jms..",
            "org.apache.activemq..", "org.apache.sshd..", "org.apache.wss4j.."};

    @ArchTest
    static final ArchRule the_domain_imports_no_integration_framework = noClasses()
            .that().resideInAnyPackage("..eligibility..", "..agreement..", "..matching..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .allowEmptyShould(true)
            .because("rules about families must be testable and readable without Camel, CXF or JMS");

    @ArchTest
    static final ArchRule nothing_but_the_app_reaches_into_the_app = noClasses()
            .that().resideOutsideOfPackage("org.familygateway.app..")
            .should().dependOnClassesThat().resideInAPackage("org.familygateway.app..")
            .because("app wires the capabilities together; they do not know about it");

    @ArchTest
    static final ArchRule the_model_depends_on_no_capability = noClasses()
            .that().resideInAPackage("org.familygateway.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.familygateway.intake..", "org.familygateway.trust..",
                    "org.familygateway.validation..", "org.familygateway.audit..", "org.familygateway.cases..",
                    "org.familygateway.simulator..")
            .because("the model is where capabilities meet");

    @ArchTest
    static final ArchRule checks_do_not_depend_on_the_ways_in = noClasses()
            .that().resideInAnyPackage("org.familygateway.trust..", "org.familygateway.validation..",
                    "org.familygateway.audit..", "org.familygateway.cases..")
            .should().dependOnClassesThat().resideInAnyPackage("org.familygateway.intake..", "org.familygateway.simulator..")
            .because("trust, validation, audit and cases serve every channel alike");

    @ArchTest
    static final ArchRule validation_audit_and_cases_use_no_camel = noClasses()
            .that().resideInAnyPackage("org.familygateway.validation..", "org.familygateway.audit..", "org.familygateway.cases..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..")
            .because("routes call them as plain beans; YAML orchestrates, Java decides");

    @ArchTest
    static final ArchRule the_gateway_never_uses_the_partner_simulator = noClasses()
            .that().resideOutsideOfPackages("org.familygateway.simulator..", "org.familygateway.app..")
            .should().dependOnClassesThat().resideInAPackage("org.familygateway.simulator..");
}
