package ru.librarybot.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the location or home-library codes of the library's system (IRBIS {@code 910$d}, Koha {@code 952$b}) into the
 * bot's branch ids. An unmapped code stays the branch name, so nothing is lost before a librarian maps it.
 */
public final class BranchMapping {

    private final Map<String, String> branches = new HashMap<>();
    private final String defaultBranch;

    /**
     * @param codes source code to branch id; matched ignoring case and surrounding spaces
     * @param defaultBranch the branch of copies whose record names no location
     */
    public BranchMapping(Map<String, String> codes, String defaultBranch) {
        codes.forEach((code, branch) -> branches.put(key(code), branch.strip()));
        this.defaultBranch = defaultBranch;
    }

    public static BranchMapping none(String defaultBranch) {
        return new BranchMapping(Map.of(), defaultBranch);
    }

    /** A mapping with these codes added; codes already mapped here win. */
    public BranchMapping withFallback(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(more);
        merged.putAll(branches);
        return new BranchMapping(merged, defaultBranch);
    }

    public String branchOf(String sourceCode) {
        if (sourceCode == null || sourceCode.isBlank()) {
            return defaultBranch;
        }
        return branches.getOrDefault(key(sourceCode), sourceCode.strip());
    }

    private static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }
}
