"""Commands for places: list or export a store's places, build a bigger gazetteer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from presslens.core.errors import InputError
from presslens.places.gazetteer import build_from_geonames, load_gazetteer
from presslens.store.places import store_geojson, store_places
from presslens.store.sqlite import Store

from . import app, console, print_json

gazetteer_app = typer.Typer(no_args_is_help=True, help="Build a bigger offline gazetteer, or look names up in it.")
app.add_typer(gazetteer_app, name="gazetteer")


@app.command()
def places(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")],
           geojson: Annotated[Optional[Path], typer.Option("--geojson", help="Write a GeoJSON FeatureCollection here ('-' for stdout).")] = None,
           article: Annotated[Optional[str], typer.Option("--article", help="Only this article (id or unique prefix).")] = None,
           as_json: Annotated[bool, typer.Option("--json", help="Print the place rows as JSON.")] = False) -> None:
    """List the places of a store, or export them as GeoJSON."""
    with Store(db, create=False) as store:
        if geojson is not None:
            collection = store_geojson(store, article)
            if str(geojson) == "-":
                print_json(collection)
            else:
                geojson.write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")
                console.print(f"{len(collection['features'])} located places written to {geojson}")
            return
        rows = store_places(store, article)
    if as_json:
        print_json(rows)
        return
    table = Table("article", "text", "name", "feature", "country", "lat", "lon", title_justify="left",
                  title=f"{len(rows)} place mentions")
    for row in rows:
        lat = "" if row["lat"] is None else f"{row['lat']:.3f}"
        lon = "" if row["lon"] is None else f"{row['lon']:.3f}"
        table.add_row(row["article_id"][:10], row["text"], row["name"] or "", row["feature"] or "",
                      row["country"] or "", lat, lon)
    console.print(table)


@gazetteer_app.command("build")
def gazetteer_build(geonames: Annotated[Path, typer.Option("--geonames", help="A GeoNames dump (allCountries.txt format).")],
                    min_population: Annotated[int, typer.Option(help="Skip populated places smaller than this.")] = 0,
                    out: Annotated[Optional[Path], typer.Option(help="Where to write it (default: the user cache, used from then on).")] = None) -> None:
    """Build a bigger gazetteer from a GeoNames dump you have; presslens uses it from then on."""
    if not geonames.exists():
        raise InputError(f"no GeoNames file at {geonames}")
    path = build_from_geonames(geonames, min_population, out)
    console.print(f"gazetteer written to {path}")


@gazetteer_app.command("lookup")
def gazetteer_lookup(name: Annotated[str, typer.Argument(help="A place name or demonym.")],
                     as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the gazetteer entries a name (or demonym) can refer to."""
    gaz = load_gazetteer()
    entries = gaz.lookup(name) + gaz.lookup_demonym(name)
    if as_json:
        print_json([e._asdict() for e in entries])
        return
    table = Table("name", "feature", "country", "lat", "lon", "population", "geonameid",
                  title=f"{len(entries)} entries for {name!r}", title_justify="left")
    for e in entries:
        table.add_row(e.name, e.feature, e.country or "", f"{e.lat}", f"{e.lon}", str(e.population),
                      str(e.geonameid or ""))
    console.print(table)
