package dev.shingi;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of STYLE.md: a capability's write and read sides are its own business, others speak to it through
 * its {@code api}, and the {@code api} stands on nothing else of ours. Axon and Spring reach the command and query
 * classes by reflection, which no rule here forbids.
 */
@AnalyzeClasses(packages = "dev.shingi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideIsUsedOnlyFromWithin = noClasses()
            .that().resideOutsideOfPackage("..deliberation.command..")
            .should().dependOnClassesThat().resideInAPackage("..deliberation.command..")
            .because("other packages send commands from deliberation.api; the aggregates and the directory are private");

    @ArchTest
    static final ArchRule querySideIsUsedOnlyFromWithin = noClasses()
            .that().resideOutsideOfPackage("..deliberation.query..")
            .should().dependOnClassesThat().resideInAPackage("..deliberation.query..")
            .because("other packages ask queries from deliberation.api; projections own their tables alone");

    @ArchTest
    static final ArchRule commandAndQueryClassesArePackagePrivate = classes()
            .that().resideInAnyPackage("..deliberation.command..", "..deliberation.query..")
            .and().areTopLevelClasses()
            .should().notBePublic();

    @ArchTest
    static final ArchRule demoSpeaksOnlyTheApi = classes()
            .that().resideInAPackage("dev.shingi.demo..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.shingi.demo..", "dev.shingi.deliberation.api..",
                    "java..", "org.axonframework..", "org.springframework..", "org.slf4j..")
            .because("the demo is what a newcomer reads first: it drives the ledger as any client would");

    @ArchTest
    static final ArchRule pagesSpeakTheApiAsAnyClientWould = noClasses()
            .that().resideInAPackage("dev.shingi.pages..")
            .should().dependOnClassesThat(resideInAPackage("dev.shingi..")
                    .and(resideOutsideOfPackage("dev.shingi.pages.."))
                    .and(resideOutsideOfPackage("dev.shingi.deliberation.api.."))
                    .and(resideOutsideOfPackage("dev.shingi.drafttext.api.."))
                    .and(resideOutsideOfPackage("dev.shingi.platform.."))
                    .and(resideOutsideOfPackage("dev.shingi.edge.."))
                    .and(resideOutsideOfPackage("dev.shingi.security..")))
            .because("the pages send the api's commands and queries through the ledger, under the same access policy "
                    + "as the REST controllers; they never reach into the REST edge, the aggregates or the projections");

    @ArchTest
    static final ArchRule apiStandsAlone = noClasses()
            .that().resideInAPackage("dev.shingi.deliberation.api..")
            .should().dependOnClassesThat(resideInAPackage("dev.shingi..")
                    .and(resideOutsideOfPackage("dev.shingi.deliberation.api..")))
            .because("the api is the capability's contract; every other package may depend on it, so it on none of them");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("dev.shingi.(*)..")
            .should().beFreeOfCycles()
            .because("dependencies point one way: platform <- deliberation <- security <- edge <- rest, pages, "
                    + "transfer, admin (docs/adr/009-one-way-packages.md)");

    @ArchTest
    static final ArchRule everyPackageIsFreeOfCycles = slices().matching("dev.shingi.(**)")
            .should().beFreeOfCycles()
            .because("a cycle one level down (deliberation.query <-> deliberation.command, say) is as hard to "
                    + "untangle as one at the top");

    @ArchTest
    static final ArchRule platformKnowsNoDomain = noClasses()
            .that().resideInAPackage("dev.shingi.platform..")
            .should().dependOnClassesThat(resideInAPackage("dev.shingi..")
                    .and(resideOutsideOfPackage("dev.shingi.platform..")))
            .because("Axon and storage wiring serve every capability; what they must know of the domain is handed "
                    + "to them as a bean of a platform or Axon type (e.g. the sequencing policy)");

    @ArchTest
    static final ArchRule edgeServesTheControllersNotTheOtherWayRound = noClasses()
            .that().resideInAPackage("dev.shingi.edge..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.shingi.rest..", "dev.shingi.pages..",
                    "dev.shingi.transfer..", "dev.shingi.admin..", "dev.shingi.security..",
                    "dev.shingi.deliberation.command..", "dev.shingi.deliberation.query..")
            .because("the edge is what every controller shares: the as-of resolver, problem mapping, filters");

    @ArchTest
    static final ArchRule draftTextKnowsNoDeliberation = noClasses()
            .that().resideInAPackage("dev.shingi.drafttext..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.shingi.deliberation..", "dev.shingi.rest..",
                    "dev.shingi.pages..", "dev.shingi.transfer..", "dev.shingi.edge..", "dev.shingi.security..",
                    "dev.shingi.admin..")
            .because("a version's text is read, kept and compared without knowing who deliberates on it; the ledger "
                    + "and its edges speak to it through drafttext.api");

    @ArchTest
    static final ArchRule draftTextIsUsedThroughItsApi = noClasses()
            .that().resideOutsideOfPackage("dev.shingi.drafttext..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.shingi.drafttext.extract..",
                    "dev.shingi.drafttext.store..", "dev.shingi.drafttext.compare..")
            .because("drafttext's rooms are its own business, as deliberation's command and query sides are");

    @ArchTest
    static final ArchRule comparisonReadsOnlyTheDraftTextContract = noClasses()
            .that().resideInAPackage("dev.shingi.drafttext.compare..")
            .should().dependOnClassesThat(resideInAPackage("dev.shingi..")
                    .and(resideOutsideOfPackage("dev.shingi.drafttext.compare.."))
                    .and(resideOutsideOfPackage("dev.shingi.drafttext.api..")))
            .because("the comparison engine is called by the REST controllers, the pages and the reports with plain "
                    + "drafttext.api records; it knows nothing of the deliberation or of who calls it");
}
