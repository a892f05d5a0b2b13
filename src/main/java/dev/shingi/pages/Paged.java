package dev.shingi.pages;

import java.util.List;

/** One page of a long list: lists are paged so that a deliberation of ten thousand comments still renders at once. */
public record Paged<T>(List<T> items, int page, int size, int total) {

    static <T> Paged<T> of(List<T> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int p = Math.min(Math.max(1, page), pages);
        int from = (p - 1) * size;
        return new Paged<>(all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())), p, size, all.size());
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** 1-based number of the first item shown. */
    public int first() {
        return total == 0 ? 0 : (page - 1) * size + 1;
    }

    public int last() {
        return Math.min(page * size, total);
    }
}
