package org.demarche.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import org.demarche.ingest.Corpora;
import org.junit.jupiter.api.Test;

/** The example corpus's codebook reads; broken ones are refused with their line. */
class CodebookTest {

    @Test
    void theExampleCodebookReads() throws Exception {
        Codebook c = Codebook.read(Corpora.examples().resolve("codebook.yml"));
        assertEquals(7, c.issues().size());
        Codebook.Issue first = c.issues().get(0);
        assertEquals("kosovo-independence", first.id());
        assertTrue(first.terms().contains("independence of Kosovo"));
        assertTrue(first.contraryTerms().contains("territorial integrity of Serbia"));
        Path shared = Path.of(System.getProperty("demarche.shared", "../../shared"));
        assertEquals(c, Codebook.read(shared.resolve("eval/codebook.yml")), "the copy in the repo is the eval's");
    }

    private static String error(String yaml) {
        return assertThrows(CodebookException.class, () -> Codebook.parse("cb.yml", new StringReader(yaml))).getMessage();
    }

    @Test
    void brokenCodebooksAreRefusedWithTheirLine() {
        String yamlError = error("issues:\n  - id: a\n    terms: [x\n    label: oops\n");
        assertTrue(yamlError.startsWith("cb.yml:") && yamlError.contains("not valid YAML"), yamlError);
        assertEquals("cb.yml:4: duplicate issue id 'a' (first on line 2)",
                error("issues:\n  - id: a\n    terms: [x]\n  - id: a\n    terms: [y]\n"));
        assertEquals("cb.yml:4: issue 'b' has no terms",
                error("issues:\n  - id: a\n    terms: [x]\n  - id: b\n    label: B\n"));
        assertEquals("cb.yml:2: the issue's id must match [a-z0-9-]+ (got 'Kosovo Independence')",
                error("issues:\n  - id: Kosovo Independence\n    terms: [x]\n"));
        assertTrue(error("just text").contains("a mapping"));
        assertTrue(error("issues: []\n").contains("non-empty list"));
        assertEquals("cb.yml:4: unknown key 'contrary-terms'; the keys are id, label, description, terms, contrary_terms",
                error("issues:\n  - id: a\n    terms: [x]\n    contrary-terms: [y]\n"));
        assertTrue(error("issue:\n  - id: a\n    terms: [x]\n").startsWith("cb.yml:1: unknown key 'issue'"));
    }

    @Test
    void aByteOrderMarkIsAccepted(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bom.yml");
        java.nio.file.Files.writeString(file, "\uFEFFissues:\n  - id: a\n    terms: [x]\n");
        assertEquals("a", Codebook.read(file).issues().get(0).id());
        assertEquals("a", Codebook.parse("stored", java.nio.file.Files.readString(file)).issues().get(0).id());
    }
}
