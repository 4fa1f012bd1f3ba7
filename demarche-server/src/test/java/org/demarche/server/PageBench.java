package org.demarche.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.demarche.store.Workspace;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * How the page's network view behaves on a large workspace, in headless Chromium: the time until the network of
 * all issues is drawn (its answer, the layout, the first window), and the time each move of the time slider takes
 * until the next frame is painted (p50, p95, max), with the nodes and links shown. A benchmark, not a test: run
 * it with {@code bin/bench-page WORKSPACE [QUERY]}.
 */
public final class PageBench {

    private PageBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PageBench WORKSPACE [QUERY, default all=1&level=state&window=3y/1y]");
            System.exit(2);
        }
        String query = args.length > 1 ? args[1] : "all=1&level=state&window=3y/1y";
        try (Workspace ws = Workspace.openForReading(Path.of(args[0]));
             ApiServer server = new ApiServer(ws, "127.0.0.1", 0, 2);
             Browser chromium = new Browser()) {
            server.start();
            String base = "http://127.0.0.1:" + server.port();
            System.out.printf("bench page: %s, %d documents, network view #/network?%s%n", args[0], ws.documentCount(), query);
            for (int run = 1; run <= 2; run++) {
                chromium.driver.get(base + "/#/");
                chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-figures")));
                long t0 = System.nanoTime();
                chromium.driver.get(base + "/#/network?" + query);
                chromium.wait.withTimeout(java.time.Duration.ofMinutes(5)).until(ExpectedConditions.textMatches(
                        By.id("network-measures"), java.util.regex.Pattern.compile("\\d+ actors")));
                chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#network canvas")));
                double drawn = (System.nanoTime() - t0) / 1e9;
                JavascriptExecutor js = (JavascriptExecutor) chromium.driver;
                long windows = (Long) js.executeScript("return Number(document.getElementById('window-slider').max) + 1;");
                List<Double> steps = new ArrayList<>();
                int most = 0;
                for (int w = 1; w < windows; w++) {
                    // the slider moved by one window; timed until the frame after it is painted
                    Object ms = ((JavascriptExecutor) chromium.driver).executeAsyncScript(
                            "const done = arguments[arguments.length - 1], s = document.getElementById('window-slider');"
                            + "const t = performance.now(); s.value = String(arguments[0]);"
                            + "s.dispatchEvent(new Event('input'));"
                            + "requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t)));", w);
                    steps.add(((Number) ms).doubleValue());
                    String m = chromium.driver.findElement(By.id("network-measures")).getText();
                    most = Math.max(most, Integer.parseInt(m.substring(0, m.indexOf(' '))));
                }
                Collections.sort(steps);
                System.out.printf("run %d: drawn in %.2f s (answer, layout, first window); %d windows, up to %d actors a window;"
                        + " slider step p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", run, drawn, windows, most,
                        at(steps, 0.5), at(steps, 0.95), steps.isEmpty() ? 0 : steps.get(steps.size() - 1));
            }
        }
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }
}
