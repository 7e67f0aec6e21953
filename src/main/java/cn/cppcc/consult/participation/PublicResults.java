package cn.cppcc.consult.participation;

import java.util.List;

/**
 * What the four transfer mechanisms did with a consultation's results, as the public may see it:
 * the result items of its minutes and, per mechanism, how far it has got. The online consultation
 * page shows it once the consultation has reached the transfer of its results. The results window
 * (成果集中统一展示窗口) is the one place that decides what of it is public; until it provides this
 * interface, {@link TransferPublicResults} reads the transfer records directly.
 */
public interface PublicResults {

    /** The result items in order; empty before the minutes name any. */
    List<Item> of(long consultationId);

    record Item(int seq, String content, List<State> mechanisms) {
    }

    /** One mechanism carrying the item: its name (交办…), its status (未开始, 办理中, 已办结) and what may be said of it. */
    record State(String mechanism, String status, String detail) {
    }
}
