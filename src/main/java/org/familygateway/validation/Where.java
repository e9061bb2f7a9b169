package org.familygateway.validation;

/** Where an element is: its path, and the line and column it starts at. */
record Where(String path, int line, int column) {

    /** A child of this element, e.g. at("DateOfBirth"). */
    String at(String child) {
        return path + "/" + child + position();
    }

    @Override
    public String toString() {
        return path + position();
    }

    private String position() {
        return " (line " + line + ", column " + column + ")";
    }
}
