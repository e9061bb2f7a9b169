package org.familygateway.validation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

    /** An element being read: its name, type, where it is, and, if a check needs them, its descendants' values. */
    private static final class Frame {
        final String name;
        final String type;
        final Where location;
        final Map<String, String> values;
        final StringBuilder text = new StringBuilder();
        boolean hasChildren;

        Frame(String name, String type, Where location, boolean capture) {
            this.name = name;
            this.type = type;
            this.location = location;
            this.values = capture ? new HashMap<>() : null;
        }
    }

    private final TypeInfoProvider types;
    private final Supplier<Where> location;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<Rejection> problems = new ArrayList<>();
    private CheckContext context;

    CheckingHandler(TypeInfoProvider types, Supplier<Where> location) {
        this.types = types;
        this.location = location;
    }

    void begin(CheckContext checkContext) {
        this.context = checkContext;
        frames.clear();
        problems.clear();
    }

    List<Rejection> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (!frames.isEmpty()) {
            frames.peek().hasChildren = true;
        }
        TypeInfo info = types.getElementTypeInfo();
        String type = info == null || info.getTypeName() == null ? "" : info.getTypeName();
        frames.push(new Frame(localName, type, location.get(), ElementChecks.checks(type)));
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!frames.isEmpty()) {
            frames.peek().text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        Frame frame = frames.pop();
        if (!frame.hasChildren) {
            String value = frame.text.toString().trim();
            ValueChecks.check(frame.type, value, frame.location.toString(), context).ifPresent(problems::add);
            remember(frame.name, value);
            noteMessageDate(frame, value);
        }
        if (frame.values != null) {
            String parent = frames.isEmpty() ? "" : frames.peek().name;
            ElementChecks.check(frame.type, parent + "/" + frame.name, frame.values, frame.location, context, problems);
        }
    }

    /** Gives a leaf's value to every enclosing element whose check needs it, keyed by its path below that element. */
    private void remember(String leaf, String value) {
        String relative = leaf;
        for (Iterator<Frame> up = frames.iterator(); up.hasNext(); ) {
            Frame ancestor = up.next();
            if (ancestor.values != null) {
                ancestor.values.put(relative, value);
            }
            relative = ancestor.name + "/" + relative;
        }
    }

    /** A message's CreatedAt (directly under its root) is the date its contents speak from. */
    private void noteMessageDate(Frame frame, String value) {
        if ("CreatedAt".equals(frame.name) && frames.size() == 1) {
            try {
                context.messageDate(OffsetDateTime.parse(value).atZoneSameInstant(UK).toLocalDate());
            } catch (DateTimeParseException ignored) {
                // the schema reports an unreadable dateTime
            }
        }
    }
}
