package cn.cppcc.consult.results;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cppcc.consult.supervision.PlaceScope;

/**
 * Which consultations a staff member may look into on the results pages: the places of
 * {@link PlaceScope}, the one place rule of the platform (the places where they hold a role and every
 * place below; administrators every place).
 */
@Component
public class Visibility {

    private final PlaceScope scope;

    Visibility(PlaceScope scope) {
        this.scope = scope;
    }

    /** The places the logged-in staff member sees; {@code null} for an administrator, who sees every place. */
    public Set<String> placesOfCurrentUser() {
        PlaceScope.Tree tree = scope.current();
        if (tree.coversEverything(List.copyOf(tree.roots()))) {
            return null;
        }
        return new LinkedHashSet<>(tree.subtree(List.copyOf(tree.roots())));
    }

    /** The given places and every place below them. */
    public Set<String> subtree(Collection<String> roots) {
        return new LinkedHashSet<>(scope.everything().subtree(List.copyOf(roots)));
    }

    public static boolean sees(Set<String> visible, String placeCode) {
        return visible == null || visible.contains(placeCode);
    }
}
