package org.familygateway.validation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.validation.TypeInfoProvider;

import org.familygateway.model.Rejection;
import org.w3c.dom.TypeInfo;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Sits after the schema validator and runs the checks beyond the schema. The validator tells it the
 * schema type of each element, so a rule is written once per type (ValueChecks) or per complex type
 * (ElementChecks) and applies wherever the type is used.
 */
final class CheckingHandler extends DefaultHandler {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** A type whose values ValueChecks checks. */
    private static final int VALUE_RULE = 1;
    /** A type whose elements ElementChecks checks (so the element keeps its descendants' values). */
    private static final int ELEMENT_RULE = 2;

    /**
     * An element being read: its name, type, the line and column it starts at, and, if a check needs
     * them, its descendants' values. Its path is only worked out if a check finds a problem. Frames
     * are reused for element after element (a bulk share passes millions through).
     */
    private static final class Frame {
        String name;
        String type;
        int rules;
        int line;
        int column;
        /** The descendants' values while the element's type has an element rule; otherwise null. */
        Map<String, String> values;
        private Map<String, String> kept;
        final StringBuilder text = new StringBuilder();
        boolean hasChildren;

        void open(String elementName, String elementType, int elementRules, int atLine, int atColumn) {
            name = elementName;
            type = elementType;
            rules = elementRules;
            line = atLine;
            column = atColumn;
            text.setLength(0);
            hasChildren = false;
            if ((elementRules & ELEMENT_RULE) != 0) {
                if (kept == null) {
                    kept = new HashMap<>();
                }
                kept.clear();
                values = kept;
            } else {
                values = null;
            }
        }
    }

    /** Where the reader is: the current element's path, and the position of the event being read. */
    interface Position {
        String path();

        int line();

        int column();
    }

    private final TypeInfoProvider types;
    private final Position position;
    /** Which rules apply to each schema type met so far: one lookup per element, whatever its type. */
    private final Map<String, Integer> rulesByType = new HashMap<>();
    /** The open elements, innermost last: frames[0 .. depth). */
    private Frame[] frames = new Frame[16];
    private int depth;
    /** How many open elements capture values for a check (most do not, so most leaves skip the walk up). */
    private int capturing;
    private final List<Rejection> problems = new ArrayList<>();
    private CheckContext context;

    CheckingHandler(TypeInfoProvider types, Position position) {
        this.types = types;
        this.position = position;
    }

    void begin(CheckContext checkContext) {
        this.context = checkContext;
        depth = 0;
        problems.clear();
        capturing = 0;
    }

    List<Rejection> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (depth > 0) {
            frames[depth - 1].hasChildren = true;
        }
        TypeInfo info = types.getElementTypeInfo();
        String type = info == null || info.getTypeName() == null ? "" : info.getTypeName();
        int rules = rulesByType.computeIfAbsent(type, CheckingHandler::rulesFor);
        if ((rules & ELEMENT_RULE) != 0) {
            capturing++;
        }
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        if (frames[depth] == null) {
            frames[depth] = new Frame();
        }
        frames[depth++].open(localName, type, rules, position.line(), position.column());
    }

    private static int rulesFor(String type) {
        return (ValueChecks.checks(type) ? VALUE_RULE : 0) | (ElementChecks.checks(type) ? ELEMENT_RULE : 0);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (depth > 0 && !frames[depth - 1].hasChildren) {
            frames[depth - 1].text.append(ch, start, length);
        }
    }

    /** Called while the reader is still inside the element, so the current path is the element's. */
    @Override
    public void endElement(String uri, String localName, String qName) {
        Frame frame = frames[--depth];
        if (frame.values != null) {
            capturing--;
        }
        if (!frame.hasChildren) {
            String value = frame.text.toString().trim();
            if ((frame.rules & VALUE_RULE) != 0) {
                ValueChecks.check(frame.type, value, () -> where(frame).toString(), context).ifPresent(problems::add);
            }
            remember(frame.name, value);
            noteMessageDate(frame, value);
        }
        if (frame.values != null) {
            String parent = depth == 0 ? "" : frames[depth - 1].name;
            ElementChecks.check(frame.type, parent + "/" + frame.name, frame.values, () -> where(frame), context, problems);
        }
    }

    /** Where the element is; only asked for while the reader is still inside it (the path is the current one). */
    private Where where(Frame frame) {
        return new Where(position.path(), frame.line, frame.column);
    }

    /**
     * Gives a leaf's value to every enclosing element whose check needs it, keyed by its path below
     * that element; the walk up stops at the outermost such element.
     */
    private void remember(String leaf, String value) {
        int left = capturing;
        String relative = leaf;
        for (int up = depth - 1; left > 0 && up >= 0; up--) {
            Frame ancestor = frames[up];
            if (ancestor.values != null) {
                ancestor.values.put(relative, value);
                if (--left == 0) {
                    return;
                }
            }
            relative = ancestor.name + "/" + relative;
        }
    }

    /** A message's CreatedAt (directly under its root) is the date its contents speak from. */
    private void noteMessageDate(Frame frame, String value) {
        if ("CreatedAt".equals(frame.name) && depth == 1) {
            try {
                context.messageDate(OffsetDateTime.parse(value).atZoneSameInstant(UK).toLocalDate());
            } catch (DateTimeParseException ignored) {
                // the schema reports an unreadable dateTime
            }
        }
    }
}
