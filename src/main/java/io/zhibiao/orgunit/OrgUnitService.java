package io.zhibiao.orgunit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.NoClassInterceptors;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.zhibiao.common.ComputedAnswers;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.Keys;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.Where;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Caller;
import io.zhibiao.security.ScopeDirectory;
import io.zhibiao.security.TokenService;
import io.zhibiao.security.TreeNode;
import io.zhibiao.security.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class OrgUnitService implements ScopeDirectory {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    TokenService tokens;

    @Inject
    Instance<OrgUnitReferences> references;

    @Inject
    ComputedAnswers answers;

    @Inject
    ObjectMapper mapper;

    /**
     * A unit as read, with the materialised path its visibility is decided on and its view as JSON, written once per
     * version for the answers given before the REST layer ({@link OrgUnitEdge}).
     */
    private record Visible(OrgUnitView view, String path, String code, byte[] json) implements TreeNode {
    }

    /**
     * The view of one unit, read once per data version: org units are what every screen and scope check navigates, and
     * between two writes they cannot change. No transaction interceptor: the answer is usually given on the event loop,
     * and a read on a miss runs on a worker thread.
     */
    @NoClassInterceptors
    public Uni<OrgUnitView> view(String code) {
        Caller caller = access.caller();
        return answers
                .<Optional<Visible>>current("orgUnit", null, List.of(code),
                        () -> OrgUnit.findByCode(code).map(this::visible))
                .map(unit -> unit.filter(u -> caller.covers(u.path())).map(Visible::view)
                        .orElseThrow(() -> new NotFound("org unit", code)));
    }

    /**
     * The JSON of a unit's view, when {@link #view} has read it at this data version and the caller may see it. Empty
     * otherwise (not read yet at this version, unknown, outside the caller's subtree): the resource answers those, its
     * 404 included.
     */
    @NoClassInterceptors
    public Optional<byte[]> knownJson(long version, String code, Caller caller) {
        return answers.<Optional<Visible>>known("orgUnit", null, version, List.of(code)).flatMap(unit -> unit)
                .filter(u -> caller.covers(u.path())).map(Visible::json);
    }

    private Visible visible(OrgUnit unit) {
        OrgUnitView view = OrgUnitView.of(unit);
        try {
            return new Visible(view, unit.path, unit.code, mapper.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write org unit " + unit.code, e);
        }
    }

    /** The unit of a code, whoever may see it: callers that check the scope themselves (a batch, its caller's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrgUnit> byCode(String code) {
        return OrgUnit.findByCode(code);
    }

    /** Whether the tree has any unit at all (an empty database, before the first set-up). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEmpty() {
        return OrgUnit.count() == 0;
    }

    /** The units of a type in a unit's subtree, by code, the unit itself left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrgUnit> ofTypeBelow(OrgUnit root, OrgUnitType type) {
        return OrgUnit.list("path like ?1 escape '!' and type = ?2 and id <> ?3 order by code", Where.under(root.path),
                type, root.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnit get(String code) {
        return OrgUnit.findByCode(code).filter(access::canSee).orElseThrow(() -> new NotFound("org unit", code));
    }

    /** The type most of the unit's direct children have (a county's schools): what its children are ranked as. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<OrgUnitType> childType(OrgUnit unit) {
        return OrgUnit.getEntityManager()
                .createQuery("select u.type from OrgUnit u where u.parent = :parent group by u.type "
                        + "order by count(u) desc, u.type", OrgUnitType.class)
                .setParameter("parent", unit).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Resolves a code given in a request field: an unknown code is a validation error of that field. A unit outside the
     * caller's subtree does not exist for the caller, so it gets exactly the answer of an unknown code: a body must not
     * tell a county planner which codes the other counties use.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnit resolve(String field, String code) {
        return OrgUnit.findByCode(code).filter(access::canSee)
                .orElseThrow(() -> new ValidationFailed(field, "org unit '" + code + "' does not exist"));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScopeUnit resolveScope(String field, String code) {
        return scope(resolve(field, code));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScopeUnit> find(String code) {
        return OrgUnit.findByCode(code).map(OrgUnitService::scope);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, ScopeUnit> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return OrgUnit.<OrgUnit>list("id in ?1", Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(u -> u.id, OrgUnitService::scope));
    }

    private static ScopeUnit scope(OrgUnit unit) {
        return new ScopeUnit(unit.id, unit.code, unit.path);
    }

    /** The shape of some subtrees: every unit's children and type. */
    public record Subtrees(Map<Long, List<Long>> children, Map<Long, String> types) {
    }

    /**
     * The shape of the subtrees under the given org units: every unit under them (with the roots) mapped to its
     * children and its type, read in one query per root. Only the shape: no scope filter, the callers have checked the
     * roots.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Subtrees under(Collection<OrgUnit> roots) {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, String> types = new HashMap<>();
        for (OrgUnit root : roots) {
            List<Object[]> rows = em
                    .createQuery("select u.id, u.parent.id, u.type from OrgUnit u where u.path like :prefix escape '!'",
                            Object[].class)
                    .setParameter("prefix", Where.under(root.path)).getResultList();
            for (Object[] row : rows) {
                Long id = (Long) row[0];
                children.computeIfAbsent(id, k -> new ArrayList<>());
                types.put(id, ((OrgUnitType) row[2]).name());
                if (row[1] != null && !id.equals(root.id)) {
                    children.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add(id);
                }
            }
        }
        return new Subtrees(children, types);
    }

    /**
     * The same shape under units given by id, read level by level (one query per level and thousand units): an
     * import's chunk names hundreds of schools, most without children, where {@link #under} would ask once per school.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Subtrees below(Collection<Long> roots) {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, String> types = new HashMap<>();
        Set<Long> asked = Set.copyOf(roots);
        List<Long> level = List.copyOf(asked);
        boolean first = true;
        while (!level.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (List<Long> slice : slices(level)) {
                // The roots themselves come with their children in the first query: a school, one query.
                String where = first ? "u.id in :ids or u.parent.id in :ids" : "u.parent.id in :ids";
                for (Object[] row : em
                        .createQuery("select u.id, u.parent.id, u.type from OrgUnit u where " + where, Object[].class)
                        .setParameter("ids", slice).getResultList()) {
                    Long id = (Long) row[0];
                    boolean root = first && asked.contains(id);
                    if (types.putIfAbsent(id, ((OrgUnitType) row[2]).name()) == null) {
                        children.computeIfAbsent(id, k -> new ArrayList<>());
                        if (!root) {
                            next.add(id);
                        }
                    }
                    // Under a root asked for (a root may be the child of another), or found a level up.
                    if (row[1] != null && (!first || asked.contains((Long) row[1]))) {
                        children.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add(id);
                    }
                }
            }
            first = false;
            level = next;
        }
        return new Subtrees(children, types);
    }

    private static List<List<Long>> slices(List<Long> ids) {
        List<List<Long>> slices = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            slices.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
        }
        return slices;
    }

    /** The unit and every unit under it, parents before their children (ordered by path). No scope check: callers have
     * checked the root. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrgUnit> subtree(OrgUnit root) {
        return OrgUnit.<OrgUnit>find("path like ?1 escape '!'", Sort.by("path"), Where.under(root.path)).list();
    }

    /** The units with these codes (those that exist), in one query; no scope check. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrgUnit> byCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : OrgUnit.<OrgUnit>list("code in ?1", Set.copyOf(codes));
    }

    /**
     * The units under {@code root} (itself included) a text names, at most two: those with exactly that name, else
     * those whose name ends with it — a plan writes 县第一中学 for 青禾县第一中学, 实验小学 for 青禾县实验小学.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrgUnit> named(OrgUnit root, String name) {
        List<OrgUnit> exact = OrgUnit
                .<OrgUnit>find("name = ?1 and path like ?2 escape '!'", name, Where.under(root.path)).page(0, 2).list();
        if (!exact.isEmpty() || name.length() < 3) {
            return exact;
        }
        String suffix = "%" + name.replace("!", "!!").replace("_", "!_").replace("%", "!%");
        return OrgUnit
                .<OrgUnit>find("name like ?1 escape '!' and path like ?2 escape '!'", suffix, Where.under(root.path))
                .page(0, 2).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<OrgUnit> list(String parentCode, OrgUnitType type, String search, PageRequest page) {
        Where where = access.where("path").and("parent.code = :parent", "parent", parentCode)
                .and("type = :type", "type", type)
                .and("(lower(name) like :q escape '!' or lower(code) like :q escape '!')", "q",
                        search == null || search.isBlank() ? null : Where.containing(search.strip()));
        var found = OrgUnit.<OrgUnit>find(where.toString(), Sort.by("path"), where.params());
        return new PageResult<>(found.page(page.page(), page.size()).list(), page.page(), page.size(), found.count());
    }

    @Writes(Area.ORG_UNITS)
    public OrgUnit create(OrgUnitRequest request) {
        OrgUnit unit = new OrgUnit();
        unit.code = Keys.newCode("org unit", request.code(), c -> OrgUnit.findByCode(c).isPresent());
        unit.createdAt = OffsetDateTime.now(clock);
        apply(unit, request);
        unit.persist();
        Log.infof("Org unit %s created under %s", unit.code, request.parentCode());
        return unit;
    }

    @Writes(Area.ORG_UNITS)
    public OrgUnit update(String code, OrgUnitRequest request) {
        OrgUnit unit = get(code);
        Keys.unchanged(code, request.code());
        List<OrgUnitType> childTypes = em
                .createQuery("select distinct u.type from OrgUnit u where u.parent = :unit", OrgUnitType.class)
                .setParameter("unit", unit).getResultList();
        childTypes.stream().filter(child -> !request.type().mayContain(child)).findFirst().ifPresent(child -> {
            throw new ValidationFailed("type",
                    "'" + code + "' has " + child + " children; a " + request.type() + " cannot contain them");
        });
        String oldPath = unit.path;
        apply(unit, request);
        if (!unit.path.equals(oldPath)) {
            int moved = em
                    .createQuery("update OrgUnit set path = concat(:newPrefix, substring(path, :cut)) "
                            + "where path like :oldPrefix escape '!' and id <> :id")
                    .setParameter("newPrefix", unit.path).setParameter("cut", oldPath.length() + 1)
                    .setParameter("oldPrefix", Where.under(oldPath)).setParameter("id", unit.id).executeUpdate();
            Log.infof("Org unit %s moved under %s with %d descendants", code, request.parentCode(), moved);
        }
        return unit;
    }

    @Writes(Area.ORG_UNITS)
    public void delete(String code) {
        OrgUnit unit = get(code);
        List<String> uses = new ArrayList<>();
        count(OrgUnit.count("parent", unit), "child org units", uses);
        references.stream().sorted(Comparator.comparing(OrgUnitReferences::what))
                .forEach(r -> count(r.countReferencesTo(unit), r.what(), uses));
        count(tokens.countScopedTo(unit.id), "access tokens", uses);
        if (!uses.isEmpty()) {
            throw new Conflict("org unit '" + code + "' is still referenced by " + String.join(", ", uses));
        }
        unit.delete();
        Log.infof("Org unit %s deleted", code);
    }

    private static void count(long n, String label, List<String> uses) {
        if (n > 0) {
            uses.add(n + " " + label);
        }
    }

    private void apply(OrgUnit unit, OrgUnitRequest request) {
        OrgUnit parent = request.parentCode() == null ? null : resolve("parentCode", request.parentCode());
        if (parent == null) {
            boolean staysRoot = unit.path != null && unit.parent == null;
            if (!staysRoot) {
                access.checkWriteRoot(Area.ORG_UNITS);
            }
        } else {
            access.checkWrite(Area.ORG_UNITS, parent);
        }
        if (parent != null) {
            if (parent.id != null && parent.id.equals(unit.id) || unit.path != null && parent.isWithin(unit)) {
                throw new ValidationFailed(OrgUnitRules.cycle("parentCode", unit.code, parent.code));
            }
            OrgUnitRules.placement(request.type(), parent.code, parent.type).ifPresent(e -> {
                throw new ValidationFailed(e);
            });
        }
        OrgUnitRules.Months months;
        try {
            months = OrgUnitRules.months(request.openedAt(), request.closedAt());
        } catch (OrgUnitRules.MonthProblem e) {
            throw new ValidationFailed(e.error());
        }
        unit.openedMonth = months.opened();
        unit.closedMonth = months.closed();
        unit.name = request.name().strip();
        unit.type = request.type();
        unit.parent = parent;
        unit.path = (parent == null ? "/" : parent.path) + unit.code + "/";
        unit.updatedAt = OffsetDateTime.now(clock);
    }
}
