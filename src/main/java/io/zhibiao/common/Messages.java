package io.zhibiao.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one message catalogue: problems are written in English where they are raised (the API's default language), and
 * answered in Chinese to callers that ask for it ({@code Accept-Language: zh-CN}, which every page sends). The catalogue
 * ({@code messages/zh.txt}) holds a Chinese title per problem code and the Chinese form of each English message
 * template; {@code {0}}, {@code {1}} … stand for the parts that vary (codes, numbers, periods) and are carried over,
 * themselves translated when they are messages (row 3: …). Codes never change with the language.
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    private static final Messages ZH = load("messages/zh.txt");

    private record Template(Pattern english, String chinese, String source) {
    }

    private final Map<String, String> titles;
    private final List<Template> templates;

    private Messages(Map<String, String> titles, List<Template> templates) {
        this.titles = titles;
        this.templates = templates;
    }

    /** The Chinese catalogue. */
    public static Messages chinese() {
        return ZH;
    }

    /** Whether an Accept-Language header prefers Chinese (zh, zh-CN, zh-Hans …) over English. */
    public static boolean wantsChinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return range.getWeight() > 0;
                }
                if (tag.startsWith("en")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** The problem as the caller's language wants it. */
    public static Problem localise(Problem problem, String acceptLanguage) {
        return wantsChinese(acceptLanguage) ? ZH.translate(problem) : problem;
    }

    public Problem translate(Problem p) {
        List<FieldError> errors = p.errors() == null
                ? null
                : p.errors().stream().map(e -> new FieldError(e.field(), message(e.message()))).toList();
        return new Problem(p.type(), title(p.code()).orElse(p.title()), p.status(), detail(p.detail(), errors),
                p.code(), p.instance(), errors, null, null, null, null, null).withFailures(p.failures());
    }

    public ImportSummary translate(ImportSummary s) {
        return new ImportSummary(s.status(), s.dryRun(), s.atomic(), s.received(), s.created(), s.updated(),
                s.unchanged(), s.rejected(), s.flagged(),
                s.conflicts().stream().map(c -> new ImportSummary.Conflict(c.index(), c.field(), c.value(), c.code(),
                        message(c.message()))).toList());
    }

    public Optional<String> title(String code) {
        return Optional.ofNullable(titles.get(code));
    }

    /** Every problem code that has a Chinese title. */
    public java.util.Set<String> codes() {
        return titles.keySet();
    }

    /** A detail: a message of its own, or "field: message", or "N fields are invalid". */
    private String detail(String detail, List<FieldError> errors) {
        if (detail == null) {
            return null;
        }
        Optional<String> whole = translation(detail, 0);
        if (whole.isPresent()) {
            return whole.get();
        }
        int colon = detail.indexOf(": ");
        if (colon > 0 && errors != null && errors.size() == 1
                && detail.substring(0, colon).equals(errors.get(0).field())) {
            return detail.substring(0, colon) + "：" + errors.get(0).message();
        }
        return message(detail);
    }

    /** A message in Chinese; one the catalogue does not know stays as it is. */
    public String message(String english) {
        return english == null ? null : translation(english, 0).orElse(english);
    }

    /** Whether the catalogue knows the message. */
    public boolean knows(String english) {
        return translation(english, 0).isPresent();
    }

    private Optional<String> translation(String english, int depth) {
        for (Template t : templates) {
            Matcher m = t.english().matcher(english);
            if (m.matches()) {
                Matcher slot = PLACEHOLDER.matcher(t.chinese());
                StringBuilder out = new StringBuilder();
                while (slot.find()) {
                    String part = m.group(Integer.parseInt(slot.group(1)) + 1);
                    String shown = depth < 2 ? translation(part, depth + 1).orElse(part) : part;
                    slot.appendReplacement(out, Matcher.quoteReplacement(shown));
                }
                slot.appendTail(out);
                return Optional.of(out.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a catalogue: {@code title <code> = <Chinese>} lines and {@code <English template> => <Chinese>} lines;
     * {@code #} starts a comment. Templates are tried in file order, so specific ones come before general ones.
     */
    static Messages load(String resource) {
        Map<String, String> titles = new LinkedHashMap<>();
        List<Template> templates = new ArrayList<>();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message catalogue " + resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int arrow = l.indexOf(" => ");
                if (l.startsWith("title ") && arrow < 0) {
                    int eq = l.indexOf(" = ");
                    titles.put(l.substring(6, eq).strip(), l.substring(eq + 3).strip());
                } else if (arrow > 0) {
                    String en = l.substring(0, arrow).strip();
                    templates.add(new Template(compile(en), l.substring(arrow + 4).strip(), en));
                } else {
                    throw new IllegalStateException("cannot read catalogue line: " + l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Messages(titles, templates);
    }

    /** "org unit '{0}' does not exist" → ^\Qorg unit '\E(.+?)\Q' does not exist\E$ */
    private static Pattern compile(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("(.+?)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The English templates, for the catalogue's own tests. */
    List<String> sources() {
        return templates.stream().map(Template::source).toList();
    }

    /** The Chinese templates, for the catalogue's own tests. */
    List<String> targets() {
        return templates.stream().map(Template::chinese).toList();
    }
}
