package org.demarche.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless browser (Debian's Chromium, driven through its ChromeDriver
 * by Selenium): search, an actor's page, the stance matrix with its evidence, the reader, and a
 * document whose words hold script markup shown as text. Screenshots go to target/screenshots.
 */
class WebPageTest {

    @TempDir
    static Path tmp;

    private static Browser chromium;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void open() throws Exception {
        ServedWorkspace.start(tmp);
        chromium = new Browser();
        browser = chromium.driver;
        wait = chromium.wait;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static void clickWhenSettled(By what) {
        chromium.clickWhenSettled(what);
    }

    private static void shot(String name) throws Exception {
        chromium.shot(name);
    }

    @Test
    void searchThenActorThenMatrixThenReader() throws Exception {
        browser.get(ServedWorkspace.base() + "/");
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys("\"territorial integrity\"");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits .hit mark")));
        List<WebElement> marks = browser.findElements(By.cssSelector("#hits .hit mark"));
        assertEquals("territorial integrity", marks.get(0).getText().toLowerCase());
        assertTrue(browser.findElements(By.cssSelector("#facets a.facet")).size() > 3);
        shot("search");

        // a facet narrows the hits
        browser.findElement(By.cssSelector("#facets a.facet[data-dim='type']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#facets a.on")));

        browser.get(ServedWorkspace.base() + "/#/search?q=Kosovo&type=statement&actor=Sergei%20Lavrov");
        clickWhenSettled(By.cssSelector("#hits[data-query*='actor='] .hit a[href^='#/actor/']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#roles li")));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Lavrov"));
        assertTrue(browser.findElements(By.cssSelector("#statements li")).size() >= 3);
        shot("actor");

        browser.get(ServedWorkspace.base() + "/#/issue/kosovo-independence");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matrix td.oppose")));
        browser.findElement(By.cssSelector("#matrix td.oppose")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence li")));
        assertTrue(browser.findElements(By.cssSelector("#chart canvas")).size() > 0, "the timeline is drawn");
        shot("issue");

        WebElement source = browser.findElement(By.cssSelector("#evidence li a[href^='#/doc/']"));
        source.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reader .focus")));
        assertTrue(browser.findElements(By.cssSelector("#reader .stmt")).size() > 0);
        assertTrue(browser.findElements(By.cssSelector("#reader a.actor")).size() > 0);
        shot("reader");
    }

    @Test
    void markupInADocumentIsShownAsText() throws Exception {
        browser.get(ServedWorkspace.base() + "/#/search?q=onerror&type=document");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits .hit a[href^='#/doc/']")));
        clickWhenSettled(By.cssSelector("#hits[data-query*='onerror'] .hit a[href^='#/doc/']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader")));
        String text = browser.findElement(By.id("reader")).getText();
        assertTrue(text.contains("<script>window.pwned=1</script>") && text.contains("onerror="), text);
        assertEquals(0, browser.findElements(By.cssSelector("#view script, #view img")).size());
        Object pwned = ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned;");
        assertEquals(null, pwned, "nothing from the document ran");
        shot("hostile");
    }

    private static void noMarkupRan() {
        assertEquals(0, browser.findElements(By.cssSelector("#view script, #view img, #view b")).size());
        Object pwned = ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned;");
        assertEquals(null, pwned, "nothing from the texts or the manifest ran");
    }

    @Test
    void overviewListsAndNetworkShowEverythingAsText() throws Exception {
        browser.get(ServedWorkspace.base() + "/#/");
        WebElement figures = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-figures")));
        assertTrue(figures.getText().contains("7 documents"), figures.getText());
        assertTrue(browser.findElements(By.cssSelector("#home-actors li")).size() >= 5);
        assertTrue(browser.findElement(By.id("home-documents")).getText().contains(ServedWorkspace.HOSTILE_TITLE));
        noMarkupRan();
        shot("home");

        browser.get(ServedWorkspace.base() + "/#/actors?kind=person");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#actors-table tr td")));
        String persons = browser.findElement(By.id("actors-table")).getText();
        assertTrue(persons.contains("Sergei Lavrov") && persons.contains(ServedWorkspace.HOSTILE_SPEAKER), persons);
        // sorted by name on a click on its header, the other way on a second
        browser.findElement(By.cssSelector("#actors-table th")).click();
        List<WebElement> names = browser.findElements(By.cssSelector("#actors-table tr td:first-child"));
        assertTrue(names.get(0).getText().compareTo(names.get(names.size() - 1).getText()) <= 0);
        noMarkupRan();
        shot("actors");

        browser.get(ServedWorkspace.base() + "/#/corrections");
        WebElement count = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("corrections-count")));
        assertTrue(count.getText().startsWith("0 corrections"), count.getText());

        browser.get(ServedWorkspace.base() + "/#/documents?publisher=wire");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#documents-table tr td")));
        assertTrue(browser.findElement(By.id("documents-table")).getText().contains(ServedWorkspace.HOSTILE_TITLE));
        assertEquals(2, browser.findElements(By.cssSelector("#documents-table tr")).size(), "the header and one document");
        noMarkupRan();
        shot("documents");

        // the issue page: letters in the cells, persons under their state, filters
        browser.get(ServedWorkspace.base() + "/#/issue/kosovo-independence?min_confidence=0");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matrix td.oppose")));
        assertTrue(browser.findElement(By.cssSelector("#matrix td.oppose")).getText().startsWith("O"));
        assertTrue(browser.findElements(By.cssSelector("#matrix th.name.under")).size() > 0, "a person under its state");
        assertTrue(browser.findElement(By.cssSelector("p.legend")).getText().contains("M mixed"));
        shot("issue-filters");
        browser.get(ServedWorkspace.base() + "/#/issue/kosovo-independence?kind=state&min_confidence=0");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#f-kind option[value='state'][selected]")));
        assertEquals(0, browser.findElements(By.cssSelector("#matrix th.name.under")).size(), "states only");
        noMarkupRan();

        browser.get(ServedWorkspace.base() + "/#/network?issue=kosovo-independence&type=subtract&min_confidence=0");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#edges-table tr td")));
        assertTrue(browser.findElements(By.cssSelector("#network canvas")).size() > 0, "Cytoscape drew the network");
        String links = browser.findElement(By.id("edges-table")).getText();
        assertTrue(links.contains("Russia") && links.contains("United States"), links);
        assertTrue(browser.findElement(By.id("network-measures")).getText().contains("polarisation"));
        // a link opens the statements behind it
        browser.findElements(By.cssSelector("#edges-table tr td")).get(0).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#edge-statement-list li")));
        assertTrue(browser.findElement(By.cssSelector("#network-gexf")).getAttribute("href").contains("/api/network.gexf?"));
        noMarkupRan();
        shot("network");
        if (links.contains("Mallory")) {
            assertTrue(links.contains(ServedWorkspace.HOSTILE_SPEAKER), links);
        }
    }
}
