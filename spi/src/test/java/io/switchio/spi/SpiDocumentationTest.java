package io.switchio.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SPI is the contract app authors read: every public type carries {@link Api}, and every
 * public or interface member declaration is preceded by a Javadoc comment. (javadoc's doclint
 * checks the comments' syntax and references during {@code verify}; this checks they exist.)
 */
class SpiDocumentationTest {

    private static final Path SOURCES = Path.of("src/main/java/io/switchio/spi");
    private static final Pattern TYPE = Pattern.compile("^public (final |abstract |sealed )*(class|interface|enum|record|@interface) .*");
    private static final Pattern MEMBER = Pattern.compile("^\\s{4}(public |static |default |abstract |final |<[^>]+> )*[\\w<>\\[\\], .?]+ \\w+\\(.*");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("^\\s{4}[A-Z][A-Z_]*(\\(.*\\))?[,;]?\\s*$");

    @Test
    void everyPublicTypeIsMarkedWithItsStability() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (Path file : javaFiles()) {
            String text = Files.readString(file);
            if (!file.endsWith("package-info.java") && !text.contains("@Api(status = Api.Status.")) {
                unmarked.add(file.getFileName().toString());
            }
        }
        assertEquals(List.of(), unmarked, "public SPI types without @Api");
    }

    @Test
    void everyPublicDeclarationHasJavadoc() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (Path file : javaFiles()) {
            List<String> lines = Files.readAllLines(file);
            boolean isInterfaceOrAnnotation = lines.stream().anyMatch(l -> l.matches("^public (sealed )?(interface|@interface) .*"));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean declares = TYPE.matcher(line).matches()
                        || (line.startsWith("    public ") && MEMBER.matcher(line).matches())
                        || (line.startsWith("    public static final ") || line.startsWith("    public enum ") || line.startsWith("    public static final class "))
                        || (isInterfaceOrAnnotation && line.startsWith("    ") && !line.startsWith("     ")
                                && MEMBER.matcher(line).matches() && !line.contains(" return ") && !line.trim().startsWith("return"))
                        || ENUM_CONSTANT.matcher(line).matches();
                if (declares && !documented(lines, i)) {
                    undocumented.add(file.getFileName() + ":" + (i + 1) + ": " + line.trim());
                }
            }
        }
        assertEquals(List.of(), undocumented, "public SPI declarations without Javadoc");
    }

    @Test
    void scanSeesTheSources() throws IOException {
        assertTrue(javaFiles().size() > 20, "expected the SPI sources under " + SOURCES.toAbsolutePath());
    }

    private static boolean documented(List<String> lines, int declaration) {
        int j = declaration - 1;
        while (j >= 0 && lines.get(j).trim().startsWith("@")) {
            if (lines.get(j).trim().equals("@Override")) {
                return true; // inherits the overridden method's documentation
            }
            j--;
        }
        return j >= 0 && lines.get(j).trim().endsWith("*/");
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.list(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
