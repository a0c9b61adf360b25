package org.presstrace.redflags;

/**
 * An open (or acknowledged) red flag whose focus or cited subjects match a party name the caller
 * asked about.
 *
 * @param party the name as asked
 * @param flag the flag, with the citations the caller may read
 */
public record PartyFlag(String party, RedFlag flag) {}
