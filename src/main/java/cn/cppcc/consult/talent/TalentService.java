package cn.cppcc.consult.talent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cppcc.consult.organisation.Place;
import cn.cppcc.consult.organisation.PlaceLevel;
import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.process.EngineClock;

/**
 * The talent pool (人才库: resident members, veteran cadres, 乡贤, public representatives, experts) and
 * the member groups (委员履职小组) of 2-3 resident members that liaise with a township's villages. Used
 * when a consultation's participants are drawn up.
 */
@Service
@Transactional
public class TalentService {

    public static final int GROUP_MIN = 2;
    public static final int GROUP_MAX = 3;

    private final TalentRepository talents;
    private final PlaceRepository places;
    private final IdentityService identityService;

    TalentService(TalentRepository talents, PlaceRepository places,
            IdentityService identityService) {
        this.talents = talents;
        this.places = places;
        this.identityService = identityService;
    }

    /** What a talent-pool entry is given as: checked and cleaned here. */
    public record TalentInput(String placeCode, String name, String category, String organisation, String expertise,
            String userId, Boolean active) {
    }

    @Transactional(readOnly = true)
    public Talent get(long id) {
        return talents.find(id).orElseThrow(() -> new NoSuchElementException("人才库中没有该人员：" + id));
    }

    @Transactional(readOnly = true)
    public List<Talent> in(List<String> placeCodes) {
        return talents.findAt(placeCodes, false);
    }

    public Talent add(TalentInput input) {
        Talent talent = checked(input, true);
        return get(talents.insert(talent, EngineClock.now()));
    }

    public Talent update(long id, TalentInput input) {
        get(id);
        talents.update(id, checked(input, input.active() == null || input.active()), EngineClock.now());
        return get(id);
    }

    private Talent checked(TalentInput input, boolean active) {
        String name = required(input.name(), "姓名", 50);
        if (input.placeCode() == null || places.find(input.placeCode()).isEmpty()) {
            throw new IllegalArgumentException("请选择所在地点");
        }
        TalentCategory category;
        try {
            category = TalentCategory.valueOf(required(input.category(), "类别", 24));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("类别“" + input.category() + "”无效");
        }
        String userId = optional(input.userId(), "平台账号", 64);
        if (userId != null && identityService.createUserQuery().userId(userId).count() == 0) {
            throw new IllegalArgumentException("平台账号“" + userId + "”不存在");
        }
        return new Talent(null, input.placeCode(), name, category, optional(input.organisation(), "单位或身份", 200),
                optional(input.expertise(), "专长", 200), userId, active, null, null);
    }

    // ---- member groups

    public record GroupInput(String placeCode, String name, List<Long> memberIds, List<String> villageCodes) {
    }

    @Transactional(readOnly = true)
    public List<MemberGroup> groups(List<String> townshipCodes) {
        return talents.findGroups(townshipCodes);
    }

    @Transactional(readOnly = true)
    public MemberGroup group(long id) {
        return talents.findGroup(id).orElseThrow(() -> new NoSuchElementException("委员履职小组不存在：" + id));
    }

    public MemberGroup saveGroup(Long id, GroupInput input) {
        Place township = places.find(input.placeCode() == null ? "" : input.placeCode())
                .filter(p -> p.level() == PlaceLevel.TOWNSHIP)
                .orElseThrow(() -> new IllegalArgumentException("委员履职小组须设在乡镇（街道）"));
        String name = required(input.name(), "小组名称", 100);
        Set<Long> memberIds = new LinkedHashSet<>(input.memberIds() == null ? List.of() : input.memberIds());
        if (memberIds.size() < GROUP_MIN || memberIds.size() > GROUP_MAX) {
            throw new IllegalArgumentException("委员履职小组须有" + GROUP_MIN + "至" + GROUP_MAX + "名住地政协委员");
        }
        List<Talent> members = talents.findByIds(memberIds);
        if (members.size() != memberIds.size()) {
            throw new IllegalArgumentException("所选委员不在人才库中");
        }
        for (Talent member : members) {
            if (member.category() != TalentCategory.RESIDENT_MEMBER || !member.active()) {
                throw new IllegalArgumentException(member.name() + "不是在册的住地政协委员");
            }
            if (!inOrAbove(member.placeCode(), township.code()) && !inOrAbove(township.code(), member.placeCode())) {
                throw new IllegalArgumentException(member.name() + "不是" + township.name() + "的住地政协委员");
            }
        }
        long groupId = id == null ? talents.insertGroup(township.code(), name, EngineClock.now()) : id;
        if (id != null) {
            if (!group(id).placeCode().equals(township.code())) {
                throw new IllegalArgumentException("委员履职小组不能改设到其他乡镇");
            }
            talents.updateGroup(id, name);
        }
        List<String> villages = List.copyOf(new LinkedHashSet<>(input.villageCodes() == null ? List.of() : input.villageCodes()));
        for (String village : villages) {
            Place place = places.find(village).orElseThrow(() -> new IllegalArgumentException("村（社区）不存在：" + village));
            if (place.level() != PlaceLevel.VILLAGE || !township.code().equals(place.parentCode())) {
                throw new IllegalArgumentException(place.name() + "不是" + township.name() + "的村（社区）");
            }
            talents.groupLiaisingWith(village, groupId).ifPresent(other -> {
                throw new IllegalArgumentException(place.name() + "已由“" + other + "”联系");
            });
        }
        talents.replaceGroupMembers(groupId, memberIds, villages);
        return group(groupId);
    }

    public void deleteGroup(long id) {
        group(id);
        talents.deleteGroup(id);
    }

    // ---- drawing up participants

    /** A choice offered by the participants form: the talent-pool entry's id and who it is. */
    public record Option(String label, String value) {
    }

    /**
     * The talent-pool people a consultation at {@code placeCode} may draw its participants from: those
     * of the place, the places above it and the places below it, active ones only. The member group
     * liaising with the place (a village) comes first.
     */
    @Transactional(readOnly = true)
    public List<Option> optionsFor(String placeCode) {
        List<String> codes = new ArrayList<>();
        for (Place p = places.find(placeCode).orElseThrow(); p != null;
                p = p.parentCode() == null ? null : places.find(p.parentCode()).orElse(null)) {
            codes.add(p.code());
        }
        codes.addAll(descendants(placeCode));
        Set<Long> liaison = new LinkedHashSet<>();
        Place place = places.find(placeCode).orElseThrow();
        if (place.parentCode() != null) {
            talents.findGroups(List.of(place.parentCode())).stream()
                    .filter(g -> g.villages().stream().anyMatch(v -> v.code().equals(placeCode)))
                    .forEach(g -> g.members().forEach(m -> liaison.add(m.id())));
        }
        Map<String, String> names = new java.util.HashMap<>();
        places.findAll().forEach(p -> names.put(p.code(), p.name()));
        return talents.findAt(codes, true).stream()
                .sorted(Comparator.comparing((Talent t) -> !liaison.contains(t.id()))
                        .thenComparing(t -> t.category().ordinal()).thenComparing(Talent::id))
                .map(t -> new Option((liaison.contains(t.id()) ? "【履职小组】" : "") + t.label() + " · "
                        + names.get(t.placeCode()), String.valueOf(t.id())))
                .toList();
    }

    private List<String> descendants(String code) {
        List<String> result = new ArrayList<>();
        for (Place child : places.findChildren(code)) {
            result.add(child.code());
            result.addAll(descendants(child.code()));
        }
        return result;
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    private boolean inOrAbove(String code, String ancestor) {
        for (Place p = places.find(code).orElse(null); p != null;
                p = p.parentCode() == null ? null : places.find(p.parentCode()).orElse(null)) {
            if (p.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static String required(String value, String label, int max) {
        String text = optional(value, label, max);
        if (text == null) {
            throw new IllegalArgumentException("请填写" + label);
        }
        return text;
    }

    private static String optional(String value, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw new IllegalArgumentException(label + "不能超过" + max + "个字");
        }
        return text;
    }
}
