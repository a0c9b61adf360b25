package org.presstrace.redflags;

/**
 * A record a red flag cites: its protected kind ({@code subject}, ...), id and label as the
 * evaluating agency read it.
 */
public record RedFlagCitation(String kind, String recordId, String label) {}
