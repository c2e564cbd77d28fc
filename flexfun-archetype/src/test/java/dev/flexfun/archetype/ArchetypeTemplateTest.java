package dev.flexfun.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the archetype's templates as this build packages them (target/classes), for the mistakes
 * that generation would not report: a template no fileSet includes is silently left out, a Velocity
 * comment silently drops text, an unresolved build-time placeholder or a missing JVM flag surfaces
 * only in the user's project. The generated project itself is built by .ci/archetype-check.sh.
 */
@Timeout(30)
class ArchetypeTemplateTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path TEMPLATES = CLASSES.resolve("archetype-resources");

    private static final List<FileSet> fileSets = new ArrayList<>();

    record FileSet(String directory, boolean filtered, List<String> includes) {
        boolean includes(Path relative) {
            Path base = Path.of(directory);
            if (!directory.isEmpty() && (!relative.startsWith(base) || relative.equals(base))) {
                return false;
            }
            Path inside = directory.isEmpty() ? relative : base.relativize(relative);
            for (String include : includes) {
                // Ant's "**/" also matches no directory at all; a glob's needs at least one.
                for (String glob : include.startsWith("**/") ? List.of(include, include.substring(3)) : List.of(include)) {
                    if (FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(inside)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    @BeforeAll
    static void readDescriptor() throws Exception {
        Path descriptor = CLASSES.resolve("META-INF/maven/archetype-metadata.xml");
        NodeList sets = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile())
                .getElementsByTagName("fileSet");
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            List<String> includes = new ArrayList<>();
            NodeList includeNodes = set.getElementsByTagName("include");
            for (int j = 0; j < includeNodes.getLength(); j++) {
                includes.add(includeNodes.item(j).getTextContent().trim());
            }
            fileSets.add(new FileSet(set.getElementsByTagName("directory").item(0).getTextContent().trim(),
                    Boolean.parseBoolean(set.getAttribute("filtered")), includes));
        }
        assertFalse(fileSets.isEmpty(), "no fileSet in " + descriptor);
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(Files::isRegularFile).map(TEMPLATES::relativize)
                    // The archetype plugin always generates the root pom.xml.
                    .filter(p -> !p.equals(Path.of("pom.xml"))).sorted().toList();
        }
    }

    @Test
    void everyTemplateIsInExactlyOneFileSet() throws IOException {
        List<Path> templates = templates();
        assertTrue(templates.contains(Path.of("run-server.sh")) && templates.contains(Path.of(".gitignore")),
                "templates missing from " + TEMPLATES + ": " + templates);
        for (Path template : templates) {
            long sets = fileSets.stream().filter(s -> s.includes(template)).count();
            assertEquals(1, sets, template + " is in " + sets + " fileSets of archetype-metadata.xml");
        }
    }

    @Test
    void velocityTemplatesHaveNoCommentsOrStrayDirectives() throws IOException {
        // "##" starts a Velocity comment (a Markdown heading would vanish); "#word" may be a directive.
        Pattern directive = Pattern.compile("##|#(set|if|else|elseif|end|foreach|macro|include|parse|define|stop|break|evaluate)\\b");
        List<Path> filtered = new ArrayList<>(templates().stream()
                .filter(t -> fileSets.stream().anyMatch(s -> s.filtered() && s.includes(t))).toList());
        filtered.add(Path.of("pom.xml"));
        assertTrue(filtered.contains(Path.of("README.md")), "README.md should be a Velocity template: " + filtered);
        for (Path template : filtered) {
            List<String> lines = Files.readAllLines(TEMPLATES.resolve(template));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.equals("#set( $dollar = '$' )")) {
                    continue; // the pom's escape for Maven's own ${...}
                }
                Matcher m = directive.matcher(line);
                assertFalse(m.find(), template + ":" + (i + 1) + " has Velocity syntax '" + (m.find(0) ? m.group() : "")
                        + "': " + line);
            }
        }
    }

    @Test
    void generatedPomCarriesThisBuildsVersions() throws IOException {
        String pom = Files.readString(TEMPLATES.resolve("pom.xml"));
        Matcher unresolved = Pattern.compile("@[\\w.-]+@").matcher(pom);
        assertFalse(unresolved.find(), () -> "unresolved build placeholder " + unresolved.group() + " in the generated pom");
        String version = System.getProperty("flexfun.version");
        assertTrue(pom.contains("<flexfun.version>" + version + "</flexfun.version>"),
                "the generated pom's flexfun.version should be this build's version " + version);
    }

    @Test
    void generatedProjectHasEveryJvmFlagThisRepositoryNeeds() throws IOException {
        List<String> generated = flags(TEMPLATES.resolve("config/jvm.options"));
        for (String flag : flags(Path.of("..", "config", "jvm.options"))) {
            assertTrue(generated.contains(flag), "config/jvm.options of generated projects lacks " + flag);
        }
        assertEquals(flags(Path.of("..", "config", "jvm-aot.options")), flags(TEMPLATES.resolve("config/jvm-aot.options")),
                "config/jvm-aot.options of generated projects should list the repository's flags");
        // Surefire passes the same file to the test JVM as an argument file.
        String pom = Files.readString(TEMPLATES.resolve("pom.xml"));
        assertTrue(pom.contains("<argLine>@${dollar}{project.basedir}/config/jvm.options</argLine>"),
                "the generated pom's surefire argLine should read config/jvm.options");
    }

    @Test
    void generatedProjectGetsThisRepositorysFlexfunScript() throws IOException {
        // One script for both: it tells the repository from a generated project by itself.
        assertEquals(Files.readString(Path.of("..", "flexfun")), Files.readString(TEMPLATES.resolve("flexfun")),
                "archetype-resources/flexfun should be a copy of the repository's ./flexfun");
        String pom = Files.readString(TEMPLATES.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>flexfun-cli</artifactId>") && pom.contains("<classifier>standalone</classifier>"),
                "the generated pom should copy the flexfun command's standalone jar for ./flexfun");
    }

    @Test
    void generatedRunServerScriptChoosesTheClassCacheAsThisRepositorysDoes() throws IOException {
        // The JDK test and the cache flags are kept once, in the repository's run-server.sh; the
        // generated one carries the same block (its own paths come from CACHE_PREFIX and JAVA).
        String repository = classCacheBlock(Path.of("..", "run-server.sh"));
        String generated = classCacheBlock(TEMPLATES.resolve("run-server.sh"));
        assertEquals(repository, generated,
                "the class cache block of archetype-resources/run-server.sh should equal the repository's run-server.sh");
        String script = Files.readString(TEMPLATES.resolve("run-server.sh"));
        assertTrue(script.contains("CACHE_PREFIX=$APP/") && script.contains("rm -rf \"$APP\""),
                "the generated run-server.sh should keep its class caches in $APP, which a rebuild deletes");
        assertTrue(script.contains("\"${cache_flags[@]}\""), "the generated run-server.sh should pass the cache flags to java");
    }

    @Test
    void dockerTrainingRunStartsTheServerAsTheEntrypointDoes() throws IOException {
        // The JVM uses an AOT cache only when the class path and flags match those it was recorded with.
        for (Path dockerfile : List.of(TEMPLATES.resolve("Dockerfile"), Path.of("..", "Dockerfile"))) {
            String text = Files.readString(dockerfile).replace("\\\n", " ");
            Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(text);
            assertTrue(entrypoint.find(), dockerfile + " has no exec-form ENTRYPOINT");
            List<String> started = new ArrayList<>();
            Matcher argument = Pattern.compile("\"([^\"]*)\"").matcher(entrypoint.group(1));
            while (argument.find()) {
                started.add(argument.group(1));
            }
            Matcher training = Pattern.compile("java ((?:@\\S+ )+-XX:AOTCacheOutput=.*?dev\\.flexfun\\.server\\.Main \\S+)").matcher(text);
            assertTrue(training.find(), dockerfile + " has no training run recording an AOT cache");
            List<String> trained = new ArrayList<>(List.of("java"));
            for (String word : training.group(1).trim().split("\\s+")) {
                trained.add(word.replace("\"", "").replace("-XX:AOTCacheOutput=", "-XX:AOTCache="));
            }
            assertEquals(started, trained, dockerfile + ": the training run should start the server as the ENTRYPOINT does");
        }
    }

    /** From the comment before jdk_version() to the end of the if that fills cache_flags. */
    private static String classCacheBlock(Path script) throws IOException {
        List<String> lines = Files.readAllLines(script);
        int start = lines.indexOf("jdk_version() {") - 1;
        int flags = lines.indexOf("cache_flags=()");
        int end = flags < 0 ? -1 : lines.subList(flags, lines.size()).indexOf("fi") + flags;
        assertTrue(start >= 0 && flags > start && end > flags, script + " has no class cache block (jdk_version ... cache_flags ... fi)");
        return String.join("\n", lines.subList(start, end + 1));
    }

    private static List<String> flags(Path jvmOptions) throws IOException {
        return Files.readAllLines(jvmOptions).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
