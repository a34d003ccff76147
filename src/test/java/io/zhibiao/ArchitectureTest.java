package io.zhibiao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the house point one way: period ← progress ← the features; security decides from
 * org-unit paths and imports no feature; common knows no feature. A feature that needs another's
 * data asks its service, or offers an interface the other implements.
 */
@AnalyzeClasses(packages = "io.zhibiao", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"io.zhibiao.orgunit..", "io.zhibiao.indicator..", "io.zhibiao.target..",
            "io.zhibiao.observation..", "io.zhibiao.plan..", "io.zhibiao.lock..", "io.zhibiao.dashboard..",
            "io.zhibiao.demo..", "io.zhibiao.security..", "io.zhibiao.reporting..", "io.zhibiao.validation..",
            "io.zhibiao.commentary..", "io.zhibiao.report..", "io.zhibiao.alert..", "io.zhibiao.ranking..",
            "io.zhibiao.transfer..", "io.zhibiao.web.."};

    @ArchTest
    static final ArchRule featurePackagesFormNoCycles = slices().matching("io.zhibiao.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule periodAndProgressArePlainJava = noClasses().that()
            .resideInAnyPackage("io.zhibiao.period..", "io.zhibiao.progress..").should().dependOnClassesThat()
            .resideInAnyPackage("jakarta..", "javax..", "io.quarkus..", "org.hibernate..", "io.smallrye..",
                    "org.eclipse.microprofile..", "com.fasterxml..");

    @ArchTest
    static final ArchRule periodDependsOnNothingOfOurs = noClasses().that().resideInAPackage("io.zhibiao.period..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES).orShould().dependOnClassesThat()
            .resideInAnyPackage("io.zhibiao.progress..", "io.zhibiao.common..");

    @ArchTest
    static final ArchRule progressDependsOnPeriodOnly = noClasses().that().resideInAPackage("io.zhibiao.progress..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES).orShould().dependOnClassesThat()
            .resideInAPackage("io.zhibiao.common..");

    /** The rule language (parser, expressions, the check and its values) is plain Java like the progress engine. */
    @ArchTest
    static final ArchRule ruleLogicIsPlainJava = noClasses().that().resideInAPackage("io.zhibiao.validation..").and()
            .haveSimpleNameStartingWith("Expression").or().haveSimpleNameStartingWith("RuleCheck").or()
            .haveSimpleNameStartingWith("RuleValues").should().dependOnClassesThat().resideInAnyPackage("jakarta..",
                    "javax..", "io.quarkus..", "org.hibernate..", "io.smallrye..", "com.fasterxml..");

    @ArchTest
    static final ArchRule commonKnowsNoFeature = noClasses().that().resideInAPackage("io.zhibiao.common..").should()
            .dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule securityImportsNoFeature = noClasses().that().resideInAPackage("io.zhibiao.security..")
            .should().dependOnClassesThat().resideInAnyPackage("io.zhibiao.orgunit..", "io.zhibiao.indicator..",
                    "io.zhibiao.target..", "io.zhibiao.observation..", "io.zhibiao.plan..", "io.zhibiao.lock..",
                    "io.zhibiao.dashboard..", "io.zhibiao.demo..");

    /**
     * One class decides who is calling: the REST layer's filter and every answer given before it ask
     * {@code Authenticator}; nothing else looks a token up.
     */
    @ArchTest
    static final ArchRule oneAuthenticationPath = noClasses().that()
            .doNotHaveFullyQualifiedName("io.zhibiao.security.Authenticator").and()
            .doNotHaveFullyQualifiedName("io.zhibiao.security.TokenService").should()
            .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a token lookup",
                    call -> call.getTarget().getOwner().getFullName().equals("io.zhibiao.security.TokenService")
                            && (call.getTarget().getName().equals("remembered")
                                    || call.getTarget().getName().equals("authenticate"))));

    /**
     * One write pipeline: a service method marked {@code @Writes} gets its role check and the write gate from
     * {@code WritesInterceptor}. Only the batch paths (figures, the roster) enter the gate per chunk, and a submission
     * whose area depends on its action enters it itself.
     */
    @ArchTest
    static final ArchRule oneWritePipeline = noClasses().that()
            .doNotHaveFullyQualifiedName("io.zhibiao.security.WritesInterceptor").and()
            .doNotHaveFullyQualifiedName("io.zhibiao.observation.ImportService").and()
            .doNotHaveFullyQualifiedName("io.zhibiao.orgunit.RosterService").and()
            .doNotHaveFullyQualifiedName("io.zhibiao.reporting.SubmissionService").should()
            .callMethod("io.zhibiao.common.WriteGate", "enter");

    private static final Set<String> PANACHE_QUERIES = Set.of("find", "findById", "findByIdOptional", "list", "listAll",
            "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update", "findAll", "findByCode");

    /**
     * A feature queries only its own entities: another feature's rows are reached through that feature's service
     * (which may hand back its entities to read). Panache's static finders and deleters on a foreign entity are such
     * queries.
     */
    @ArchTest
    static final ArchRule noQueriesOfAnotherFeaturesEntities = noClasses().should().callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe("a Panache query of another feature's entity",
                    call -> call.getTarget().getOwner().isAnnotatedWith("jakarta.persistence.Entity")
                            && PANACHE_QUERIES.contains(call.getTarget().getName())
                            && !feature(call.getTarget().getOwner().getPackageName())
                                    .equals(feature(call.getOriginOwner().getPackageName()))));

    private static String feature(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    /** Resources are thin: no query, no entity manager, no transaction of their own — their service owns those. */
    @ArchTest
    static final ArchRule noPersistenceInResources = noClasses().that().haveSimpleNameEndingWith("Resource").should()
            .dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.quarkus.hibernate..",
                    "io.quarkus.panache..", "jakarta.transaction..");

    /**
     * The feature list above is the list of packages: a package added under io.zhibiao is either a feature (and every
     * rule above covers it) or one of the three shared ones.
     */
    @Test
    void everyPackageIsAFeatureOrShared() {
        Set<String> packages = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.zhibiao").stream().map(c -> c.getPackageName())
                .filter(name -> name.startsWith("io.zhibiao.")).map(name -> name.split("\\.")[2])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = Stream
                .concat(Arrays.stream(FEATURES).map(f -> f.split("\\.")[2]), Stream.of("period", "progress", "common"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).isEqualTo(declared);
    }

    /**
     * Tests assert with AssertJ. Hamcrest matchers appear only where REST Assured takes them ({@code .body(path,
     * matcher)}); JUnit's own assertions only for its preemptive timeout, which AssertJ does not have.
     */
    @Test
    void testsAssertWithOneLibrary() {
        var tests = new ClassFileImporter().withImportOption(new ImportOption.OnlyIncludeTests())
                .importPackages("io.zhibiao");
        noClasses().should()
                .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an assertion of Hamcrest or JUnit",
                        call -> call.getTarget().getOwner().getFullName().equals("org.hamcrest.MatcherAssert")
                                || (call.getTarget().getOwner().getFullName().equals("org.junit.jupiter.api.Assertions")
                                        && !call.getTarget().getName().equals("assertTimeoutPreemptively"))))
                .check(tests);
    }

    /**
     * A key of several path segments that many operations share (a figure's indicator/org unit/period, a submission's
     * org unit/period, a commentary's target/period) is declared once, as a bean parameter ({@code FigureKey},
     * {@code SubmissionKey}, {@code CommentaryKey}); no resource method takes a {@code period} path segment itself.
     */
    @Test
    void sharedPathKeysAreBeanParameters() {
        var resources = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.zhibiao").stream().filter(c -> c.getSimpleName().endsWith("Resource")).toList();
        List<String> offenders = new ArrayList<>();
        for (var resource : resources) {
            for (Method method : resource.reflect().getDeclaredMethods()) {
                for (var parameter : method.getParameters()) {
                    PathParam path = parameter.getAnnotation(PathParam.class);
                    if (path != null && path.value().equals("period")) {
                        offenders.add(resource.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(resources).isNotEmpty();
        assertThat(offenders).isEmpty();
    }

    /**
     * Periods and months in queries and paths arrive converted ({@code PeriodParams}): no resource method or bean
     * parameter takes {@code period}, {@code from}, {@code to} or a month as text. The exceptions are periods that are
     * a field of what is written: a figure's ({@code FigureKey}), checked with the figure by the validator batch rows
     * go through too, and a plan's sent with its document ({@code PlanResource.createFromDocument}), checked as the
     * JSON plan's field is.
     */
    @Test
    void periodsInQueriesAndPathsArriveConverted() {
        var classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.zhibiao").stream()
                .filter(c -> c.getSimpleName().endsWith("Resource") || c.getSimpleName().endsWith("Key")).toList();
        Set<String> periodNames = Set.of("period", "from", "to");
        List<String> checked = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        for (var type : classes) {
            Class<?> reflected = type.reflect();
            List<AnnotatedElement> elements = new ArrayList<>(List.of(reflected.getDeclaredFields()));
            for (Method method : reflected.getDeclaredMethods()) {
                if (!method.getName().equals("createFromDocument")) {
                    elements.addAll(List.of(method.getParameters()));
                }
            }
            for (var element : elements) {
                QueryParam query = element.getAnnotation(QueryParam.class);
                PathParam path = element.getAnnotation(PathParam.class);
                String name = query != null ? query.value() : path != null ? path.value() : null;
                if (name == null || !periodNames.contains(name)) {
                    continue;
                }
                Class<?> declared = element instanceof Field f ? f.getType() : ((Parameter) element).getType();
                checked.add(type.getSimpleName() + " " + name);
                if (declared == String.class && !type.getSimpleName().equals("FigureKey")) {
                    offenders.add(type.getSimpleName() + " " + name);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(15);
        assertThat(offenders).isEmpty();
    }

    @ArchTest
    static final ArchRule resourcesOnlyServeHttp = classes().that().haveSimpleNameEndingWith("Resource").should()
            .onlyBeAccessed().byClassesThat().haveSimpleNameEndingWith("Resource");
}
