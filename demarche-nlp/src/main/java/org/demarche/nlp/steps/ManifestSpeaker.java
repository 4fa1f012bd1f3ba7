package org.demarche.nlp.steps;

import java.util.Set;
import org.demarche.model.ActorKind;
import org.demarche.model.Extraction;
import org.demarche.nlp.NameKeys;

/** The speaker the manifest names, as a local actor with the role and the state or body it speaks for. */
public final class ManifestSpeaker implements DocumentStep {

    @Override
    public String name() {
        return "manifest-speaker";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.ACTORS);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.SPEAKER, Key.ROLES);
    }

    /** The speaker the manifest names, with the role and the state or body it speaks for. */
    @Override
    public void apply(ExtractionContext c) {
        if (c.meta.speaker() == null) {
            return;
        }
        ActorKind kind = ActorKind.parse(c.meta.speakerKind());
        int a;
        if (kind == ActorKind.STATE) {
            a = LocalActors.state(c, c.meta.speaker());
        } else if (kind == ActorKind.ORGANIZATION) {
            a = LocalActors.org(c, c.meta.speaker());
        } else {
            String name = c.meta.speaker();
            a = NameKeys.personTokens(name).size() >= 2
                    ? LocalActors.actor(c, "p:" + NameKeys.personKey(name), name, ActorKind.PERSON)
                    : LocalActors.actor(c, "p:" + NameKeys.surnameKey(name), name, ActorKind.PERSON);
        }
        if (c.meta.speakerRole() != null || c.meta.speakerFor() != null) {
            int of = -1;
            if (c.meta.speakerFor() != null) {
                of = c.gazetteer.byName(c.meta.speakerFor()).isPresent() ? LocalActors.state(c, c.meta.speakerFor())
                        : LocalActors.org(c, c.meta.speakerFor());
            }
            String title = c.meta.speakerRole() != null ? c.meta.speakerRole() : "speaker";
            c.roles.add(new Extraction.Role(a, title, of, c.published, 0, 0));
            c.titles.put(a, title.toLowerCase());
        }
        c.manifestSpeakerActor = a;
    }
}
