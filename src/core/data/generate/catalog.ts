import { Rng } from "./rng.ts";

/**
 * The product catalogue. Brands are invented (the data is synthetic and its feedback
 * complains about products), the categories are those of the Blinkit app.
 */
export interface Product {
  id: string;
  name: string;
  /** Plain noun a customer would write in feedback ("milk", "eggs"). */
  noun: string;
  /** How the product fails in a torn bag: liquids leak, fragile goods break. */
  texture: Texture;
  /** Spoils within two weeks, so "stale" or "rotten" complaints make sense. */
  perishable: boolean;
  category: string;
  brand: string;
  /** Selling price and MRP in paise, so order totals add up exactly. */
  pricePaise: number;
  mrpPaise: number;
  marginPercentage: number;
  shelfLifeDays: number;
  minStockLevel: number;
  maxStockLevel: number;
  /** Relative popularity when filling baskets. */
  popularity: number;
}

export type Texture = "liquid" | "fragile" | "solid";

interface ItemSpec {
  base: string;
  noun: string;
  texture: Texture;
  sizes: readonly string[];
  /** Price in rupees of the first size; later sizes cost proportionally more. */
  price: number;
  shelfLifeDays: number;
}

interface CategorySpec {
  category: string;
  brands: readonly string[];
  items: readonly ItemSpec[];
}

const item = (
  base: string,
  noun: string,
  price: number,
  shelfLifeDays: number,
  sizes: readonly string[],
  texture: Texture = "solid",
): ItemSpec => ({ base, noun, price, shelfLifeDays, sizes, texture });

const CATEGORIES: readonly CategorySpec[] = [
  {
    category: "Dairy & Breakfast",
    brands: ["Gokul Fresh", "Nandini Farms", "Dairy Day", "MorningStar"],
    items: [
      item("Toned Milk", "milk", 29, 2, ["500 ml", "1 l"], "liquid"),
      item("Curd", "curd", 35, 5, ["400 g", "1 kg"], "liquid"),
      item("Paneer", "paneer", 90, 7, ["200 g"]),
      item("Salted Butter", "butter", 56, 90, ["100 g", "500 g"]),
      item("Brown Eggs", "eggs", 84, 14, ["6 pcs", "12 pcs"], "fragile"),
      item("Corn Flakes", "cornflakes", 180, 270, ["475 g"], "fragile"),
      item("Cheese Slices", "cheese", 140, 120, ["200 g"]),
    ],
  },
  {
    category: "Fruits & Vegetables",
    brands: ["Kisan Fresh", "Green Basket"],
    items: [
      item("Onion", "onions", 38, 20, ["1 kg"]),
      item("Tomato", "tomatoes", 32, 7, ["500 g", "1 kg"], "fragile"),
      item("Potato", "potatoes", 30, 30, ["1 kg"]),
      item("Banana Robusta", "bananas", 48, 5, ["6 pcs"], "fragile"),
      item("Shimla Apple", "apples", 160, 21, ["4 pcs"]),
      item("Coriander Leaves", "coriander", 15, 3, ["100 g"]),
      item("Green Chilli", "chillies", 12, 7, ["100 g"]),
      item("Alphonso Mango", "mangoes", 399, 6, ["6 pcs"], "fragile"),
    ],
  },
  {
    category: "Snacks & Munchies",
    brands: ["Crunchies", "Desi Bites", "Namkeen House"],
    items: [
      item("Classic Salted Chips", "chips", 20, 120, ["52 g", "115 g"], "fragile"),
      item("Aloo Bhujia", "bhujia", 55, 180, ["200 g", "400 g"], "fragile"),
      item("Dark Chocolate", "chocolate", 99, 270, ["80 g"]),
      item("Roasted Peanuts", "peanuts", 60, 150, ["200 g"]),
      item("Cream Biscuits", "biscuits", 30, 180, ["120 g", "300 g"], "fragile"),
    ],
  },
  {
    category: "Cold Drinks & Juices",
    brands: ["FizzUp", "Tropicana Valley", "Chill Bay"],
    items: [
      item("Cola Soft Drink", "cold drink", 40, 180, ["750 ml", "2 l"], "liquid"),
      item("Mixed Fruit Juice", "juice", 110, 180, ["1 l"], "liquid"),
      item("Packaged Drinking Water", "water bottle", 20, 365, ["1 l"], "liquid"),
      item("Energy Drink", "energy drink", 125, 270, ["250 ml"], "liquid"),
    ],
  },
  {
    category: "Instant & Frozen Food",
    brands: ["QuickChef", "Ready2Eat"],
    items: [
      item("Masala Instant Noodles", "noodles", 14, 240, ["70 g", "280 g"]),
      item("Frozen Green Peas", "frozen peas", 65, 240, ["500 g"]),
      item("Veg Momos", "momos", 149, 90, ["400 g"]),
      item("Frozen Paratha", "parathas", 120, 90, ["5 pcs"]),
    ],
  },
  {
    category: "Bakery & Biscuits",
    brands: ["Oven Story", "Daily Bake"],
    items: [
      item("Whole Wheat Bread", "bread", 50, 4, ["400 g"], "fragile"),
      item("Pav", "pav", 35, 3, ["6 pcs"], "fragile"),
      item("Rusk", "rusk", 45, 120, ["300 g"], "fragile"),
      item("Chocolate Muffin", "muffins", 90, 6, ["2 pcs"], "fragile"),
    ],
  },
  {
    category: "Grocery & Staples",
    brands: ["Annapurna Select", "Village Harvest", "Rasoi Gold"],
    items: [
      item("Whole Wheat Atta", "atta", 260, 120, ["5 kg", "10 kg"]),
      item("Basmati Rice", "rice", 190, 365, ["1 kg", "5 kg"]),
      item("Toor Dal", "dal", 165, 240, ["1 kg"]),
      item("Refined Sunflower Oil", "oil", 155, 270, ["1 l", "5 l"], "liquid"),
      item("Iodised Salt", "salt", 28, 720, ["1 kg"]),
      item("Sugar", "sugar", 52, 720, ["1 kg"]),
      item("Tea Leaves", "tea", 145, 365, ["250 g", "500 g"]),
    ],
  },
  {
    category: "Personal Care",
    brands: ["Herbal Glow", "PureSkin"],
    items: [
      item("Anti-Dandruff Shampoo", "shampoo", 199, 720, ["180 ml"], "liquid"),
      item("Neem Face Wash", "face wash", 149, 540, ["100 ml"], "liquid"),
      item("Toothpaste", "toothpaste", 95, 720, ["150 g"]),
      item("Bathing Soap", "soap", 120, 720, ["4 x 100 g"]),
    ],
  },
  {
    category: "Household Care",
    brands: ["SparkClean", "HomeShine"],
    items: [
      item("Dishwash Liquid", "dishwash liquid", 110, 720, ["500 ml"], "liquid"),
      item("Detergent Powder", "detergent", 140, 720, ["1 kg"]),
      item("Floor Cleaner", "floor cleaner", 180, 720, ["975 ml"], "liquid"),
      item("Garbage Bags", "garbage bags", 99, 1000, ["30 pcs"]),
    ],
  },
  {
    category: "Baby Care",
    brands: ["LittleOnes"],
    items: [
      item("Baby Diapers", "diapers", 399, 1000, ["M 20 pcs", "L 18 pcs"]),
      item("Baby Wipes", "wipes", 149, 720, ["72 pcs"]),
    ],
  },
  {
    category: "Pet Care",
    brands: ["Happy Paws"],
    items: [
      item("Dog Food Chicken & Rice", "dog food", 450, 365, ["1.2 kg"]),
      item("Cat Food Ocean Fish", "cat food", 299, 365, ["1 kg"]),
    ],
  },
  {
    category: "Pharmacy",
    brands: ["MediPlus"],
    items: [
      item("Paracetamol Tablets", "tablets", 30, 720, ["15 tabs"]),
      item("Hand Sanitizer", "sanitizer", 99, 720, ["200 ml"], "liquid"),
    ],
  },
];

/** The same catalogue for the same seed: a few hundred products across the app's categories. */
export function buildCatalog(seed: number): Product[] {
  const rng = new Rng(seed, "catalog");
  const products: Product[] = [];
  for (const spec of CATEGORIES) {
    for (const it of spec.items) {
      it.sizes.forEach((size, sizeIndex) => {
        for (const brand of spec.brands) {
          if (products.length > 0 && rng.chance(0.25)) continue; // not every brand stocks every item
          const sizeFactor = 1 + sizeIndex * 1.6;
          const rupees = Math.max(5, Math.round(it.price * sizeFactor * (0.85 + rng.next() * 0.35)));
          const discount = rng.chance(0.6) ? rng.int(2, 25) / 100 : 0;
          const mrpPaise = rupees * 100;
          const pricePaise = Math.round(mrpPaise * (1 - discount));
          const minStock = rng.int(10, 40);
          products.push({
            id: String(100_001 + products.length),
            name: `${brand} ${it.base} ${size}`,
            noun: it.noun,
            texture: it.texture,
            perishable: it.shelfLifeDays <= 14,
            category: spec.category,
            brand,
            pricePaise,
            mrpPaise,
            marginPercentage: rng.int(800, 4000) / 100,
            shelfLifeDays: it.shelfLifeDays,
            minStockLevel: minStock,
            maxStockLevel: minStock * rng.int(3, 8),
            popularity: (it.shelfLifeDays <= 7 ? 3 : 1) * rng.logNormal(0.8),
          });
        }
      });
    }
  }
  return products;
}
